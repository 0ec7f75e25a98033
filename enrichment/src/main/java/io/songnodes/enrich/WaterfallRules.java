package io.songnodes.enrich;

import io.songnodes.schemas.enrichment.WaterfallRule;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rule in force for each field: the one in {@code config.enrichment-waterfall.v1} when there
 * is one, else the default below (version 0). Each default lists only providers that really
 * supply the field; the musical key has none (Spotify's audio features are closed to new apps), so
 * it stays empty, with that reason, until a provider for it is configured.
 */
public final class WaterfallRules {

    static final Map<TrackField, WaterfallRule> DEFAULTS = defaults();

    private final Function<String, WaterfallRule> configured;

    /** @param configured the rule stored for a field id, or null */
    public WaterfallRules(Function<String, WaterfallRule> configured) {
        this.configured = configured;
    }

    public WaterfallRule rule(TrackField field) {
        WaterfallRule stored = configured.apply(field.id());
        return stored != null ? stored : DEFAULTS.get(field);
    }

    private static Map<TrackField, WaterfallRule> defaults() {
        Map<TrackField, WaterfallRule> rules = new EnumMap<>(TrackField.class);
        rule(rules, TrackField.ISRC, 0.85, "spotify", "deezer", "musicbrainz");
        rule(rules, TrackField.BPM, 0.85, "deezer");
        rule(rules, TrackField.KEY, 0.85);
        rule(rules, TrackField.GENRE, 0.8, "discogs", "lastfm", "itunes");
        rule(rules, TrackField.LABEL, 0.8, "discogs");
        rule(rules, TrackField.CATALOG_NUMBER, 0.8, "discogs");
        rule(rules, TrackField.RELEASE_DATE, 0.8, "musicbrainz", "spotify", "deezer", "itunes");
        rule(rules, TrackField.DURATION, 0.8, "musicbrainz", "deezer", "spotify", "itunes");
        rule(rules, TrackField.EXTERNAL_IDS, 0.85, "musicbrainz", "spotify", "deezer", "discogs");
        return rules;
    }

    private static void rule(Map<TrackField, WaterfallRule> rules, TrackField field, double minConfidence, String... providers) {
        rules.put(field, WaterfallRule.newBuilder().setField(field.id()).setProviders(List.of(providers)).setMinConfidence(minConfidence)
                .setEnabled(true).setVersion(0).build());
    }
}
