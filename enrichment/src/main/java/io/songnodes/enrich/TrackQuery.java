package io.songnodes.enrich;

import java.util.List;

/**
 * What is known of a track when asking a provider about it: its Silver display form.
 *
 * @param version display form of its version ({@code Carl Craig Remix}), null for the original
 * @param durationSeconds when known (e.g. from an earlier provider), to check candidates against
 */
public record TrackQuery(String trackKey, List<String> artists, String title, String version, List<String> remixers, Integer durationSeconds) {

    public TrackQuery {
        artists = List.copyOf(artists);
        remixers = List.copyOf(remixers);
    }

    /** Artists as one search string, {@code A & B}. */
    public String artistText() {
        return String.join(" & ", artists);
    }

    /** Title with its version as providers usually list it: {@code Title (Carl Craig Remix)}. */
    public String fullTitle() {
        return version == null || version.isBlank() ? title : title + " (" + version + ")";
    }
}
