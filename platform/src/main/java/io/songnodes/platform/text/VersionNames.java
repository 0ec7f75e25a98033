package io.songnodes.platform.text;

import io.songnodes.schemas.silver.TrackVersion;

/** How a version is shown: its remixers before its name ({@code Carl Craig Remix}), the name alone when it has none ({@code Dub}). */
public final class VersionNames {

    private VersionNames() {
    }

    public static String display(TrackVersion version) {
        return version.getRemixers().isEmpty() ? version.getName() : String.join(" & ", version.getRemixers()) + " " + version.getName();
    }
}
