package io.songnodes.enrich.providers;

import io.songnodes.enrich.TrackField;
import java.util.List;
import java.util.Map;

/**
 * One match a provider proposes for a track, as the provider describes it: its own id, the artists
 * and title it lists (checked against the query before anything is taken), the duration when it
 * says, and the field values it offers. Values are strings in a fixed form per field: ISRC as
 * given (upper case), BPM a decimal ({@code 128.0}), release date {@code YYYY-MM-DD} (or
 * {@code YYYY}), duration whole seconds, genre/label/key/catalogue number as given, external ids
 * {@code provider:kind:id} separated by {@code ;}.
 */
public record Candidate(String provider, String id, List<String> artists, String title, Integer durationSeconds,
                        Map<TrackField, String> fields) {

    public Candidate {
        artists = List.copyOf(artists);
        fields = Map.copyOf(fields);
    }
}
