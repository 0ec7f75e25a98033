package io.songnodes.enrich;

import java.util.Locale;

/** A piece of metadata the waterfall can fill, each with its own ordered list of providers. */
public enum TrackField {
    ISRC, BPM, KEY, GENRE, LABEL, CATALOG_NUMBER, RELEASE_DATE, DURATION, EXTERNAL_IDS;

    /** Lower-case name as used in configuration and on the wire ({@code release_date}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TrackField fromId(String id) {
        return valueOf(id.strip().toUpperCase(Locale.ROOT));
    }
}
