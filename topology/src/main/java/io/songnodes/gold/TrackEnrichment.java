package io.songnodes.gold;

import io.songnodes.schemas.enrichment.EnrichmentResult;
import io.songnodes.schemas.enrichment.FieldValue;
import io.songnodes.schemas.gold.Track;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A Gold track with its enrichment joined in: each field as the waterfall found it, and which
 * provider it came from. A field the waterfall left empty stays null; nothing is guessed.
 */
final class TrackEnrichment {

    private TrackEnrichment() {
    }

    static Track apply(Track track, EnrichmentResult result) {
        if (result == null) {
            return track;
        }
        Map<String, FieldValue> values = result.getValues();
        Map<String, String> providers = new HashMap<>();
        values.forEach((field, value) -> providers.put(field, value.getProvider()));
        return Track.newBuilder(track)
                .setIsrc(value(values, "isrc", Function.identity()))
                .setBpm(value(values, "bpm", Double::valueOf))
                .setMusicalKey(value(values, "key", Function.identity()))
                .setGenre(value(values, "genre", Function.identity()))
                .setReleaseDate(value(values, "release_date", TrackEnrichment::date))
                .setDurationSeconds(value(values, "duration", Integer::valueOf))
                .setReleaseLabel(value(values, "label", Function.identity()))
                .setCatalogNumber(value(values, "catalog_number", Function.identity()))
                .setExternalIds(value(values, "external_ids", ids -> Arrays.asList(ids.split(";")), List.of()))
                .setEnrichedBy(providers)
                .setEnrichedAt(result.getEnrichedAt())
                .build();
    }

    private static <T> T value(Map<String, FieldValue> values, String field, Function<String, T> parse) {
        return value(values, field, parse, null);
    }

    /** A value that does not parse (a provider's odd format) is left out rather than failing the track. */
    private static <T> T value(Map<String, FieldValue> values, String field, Function<String, T> parse, T otherwise) {
        FieldValue value = values.get(field);
        if (value == null) {
            return otherwise;
        }
        try {
            return parse.apply(value.getValue());
        } catch (RuntimeException unparseable) {
            return otherwise;
        }
    }

    /** {@code YYYY-MM-DD}, or a year or month alone (as Discogs and some Spotify releases give it) as its first day. */
    private static LocalDate date(String text) {
        String[] parts = text.strip().split("-");
        return LocalDate.of(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 1,
                parts.length > 2 ? Integer.parseInt(parts[2]) : 1);
    }
}
