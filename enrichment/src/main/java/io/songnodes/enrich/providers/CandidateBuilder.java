package io.songnodes.enrich.providers;

import io.songnodes.enrich.TrackField;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link Candidate} with its field values in the forms {@link Candidate} documents, so
 * every provider writes them alike. A value the provider left out, or gave as "unknown" (a zero
 * duration or BPM, Deezer's {@code 0000-00-00}), is simply not set.
 */
final class CandidateBuilder {

    /** {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, possibly followed by a time. */
    private static final Pattern DATE = Pattern.compile("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    private final String provider;
    private final String id;
    private List<String> artists = List.of();
    private String title;
    private Integer durationSeconds;
    private final Map<TrackField, String> fields = new EnumMap<>(TrackField.class);

    CandidateBuilder(String provider, String id) {
        this.provider = provider;
        this.id = id;
    }

    /** A builder holding everything the candidate already has, to add what a second call gives. */
    static CandidateBuilder from(Candidate candidate) {
        CandidateBuilder builder = new CandidateBuilder(candidate.provider(), candidate.id())
                .artists(candidate.artists())
                .title(candidate.title());
        builder.durationSeconds = candidate.durationSeconds();
        builder.fields.putAll(candidate.fields());
        return builder;
    }

    CandidateBuilder artists(List<String> artists) {
        this.artists = artists;
        return this;
    }

    /** For providers that list one artist (name) per track; null leaves the list empty. */
    CandidateBuilder artist(String name) {
        return artists(name == null ? List.of() : List.of(name));
    }

    CandidateBuilder title(String title) {
        this.title = title;
        return this;
    }

    /** Sets the duration, both as the candidate's own and as its DURATION field; zero or less means unknown. */
    CandidateBuilder durationSeconds(long seconds) {
        if (seconds > 0) {
            durationSeconds = Math.toIntExact(seconds);
            fields.put(TrackField.DURATION, Long.toString(seconds));
        }
        return this;
    }

    /** Milliseconds rounded to whole seconds; zero or less means unknown. */
    CandidateBuilder durationMillis(long millis) {
        return durationSeconds(Math.round(millis / 1000.0));
    }

    CandidateBuilder isrc(String isrc) {
        return field(TrackField.ISRC, isrc == null ? null : isrc.toUpperCase(Locale.ROOT));
    }

    /** Zero or less means the provider does not know it (Deezer's {@code "bpm": 0}). */
    CandidateBuilder bpm(double bpm) {
        return bpm > 0 ? field(TrackField.BPM, Double.toString(bpm)) : this;
    }

    /**
     * {@code YYYY-MM-DD} when the day is known, else {@code YYYY}: a month alone (Spotify's
     * {@code month} precision, MusicBrainz's partial dates) is not a form {@link Candidate} has.
     * A time after the date (iTunes) is dropped; a zero year is no date.
     */
    CandidateBuilder releaseDate(String date) {
        Matcher m = date == null ? null : DATE.matcher(date.strip());
        if (m == null || !m.find() || m.group(1).equals("0000")) {
            return this;
        }
        boolean dayKnown = m.group(3) != null && !m.group(2).equals("00") && !m.group(3).equals("00");
        return field(TrackField.RELEASE_DATE, dayKnown ? m.group() : m.group(1));
    }

    /** The candidate's own id as {@code provider:kind:id}. */
    CandidateBuilder externalId(String kind) {
        return id == null ? this : field(TrackField.EXTERNAL_IDS, provider + ":" + kind + ":" + id);
    }

    /** A value as given; null or blank is not set. */
    CandidateBuilder field(TrackField field, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(field, value.strip());
        }
        return this;
    }

    Candidate build() {
        return new Candidate(provider, id, artists, title, durationSeconds, fields);
    }
}
