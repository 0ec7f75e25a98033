package io.songnodes.enrich;

import io.songnodes.platform.avro.AvroSerde;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.enrichment.EnrichmentTrackState;
import io.songnodes.schemas.enrichment.WaterfallRule;
import io.songnodes.schemas.silver.TrackPlay;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The request step as a pure function: plays in, {@code enrichment.requests.v1} out, each unique
 * track requested once. Plays are re-keyed by track; a store remembers every requested track and
 * what its last result lacked (results read back from {@code enrichment.results.v1}); a wall-clock
 * punctuator requests a track again when its enrichment expired or the waterfall changed for a
 * field it lacks (the rules are a global table of {@code config.enrichment-waterfall.v1}).
 */
public final class EnrichmentRequestTopology {

    public static final String TOPOLOGY = "enrichment-requests";
    static final String TRACKS_STORE = "enrichment-tracks";
    static final String RULES_STORE = "enrichment-waterfall-rules";

    /**
     * When to ask again: after {@code expireAfter}; or after {@code requestTimeout} without a result
     * (the request was lost, e.g. dead-lettered); checked every {@code recheckEvery}.
     */
    public record Timing(Duration expireAfter, Duration requestTimeout, Duration recheckEvery) {
    }

    private EnrichmentRequestTopology() {
    }

    public static Topology build(SchemaRegistryClient registry, Timing timing) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.globalTable(Topics.CONFIG_ENRICHMENT_WATERFALL.name(),
                Consumed.with(Serdes.String(), Topics.CONFIG_ENRICHMENT_WATERFALL.valueSerde(registry)).withName("read-waterfall-rules"),
                Materialized.<String, WaterfallRule, KeyValueStore<Bytes, byte[]>>as(RULES_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Topics.CONFIG_ENRICHMENT_WATERFALL.valueSerde(registry)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TRACKS_STORE), Serdes.String(),
                AvroSerde.forValues(EnrichmentTrackState.class, registry)));

        KStream<String, TrackPlay> plays = builder.stream(Topics.SILVER_TRACK_PLAYS.name(),
                Consumed.with(Serdes.String(), Topics.SILVER_TRACK_PLAYS.valueSerde(registry)).withName("read-silver-track-plays"));
        plays.filter((playlist, play) -> play != null && play.getTrackKey() != null, Named.as("identified-plays"))
                .selectKey((playlist, play) -> play.getTrackKey(), Named.as("key-plays-by-track"))
                .repartition(Repartitioned.with(Serdes.String(), Topics.SILVER_TRACK_PLAYS.valueSerde(registry)).withName("plays-by-track"))
                .process(() -> new RequestOncePerTrack(TRACKS_STORE, RULES_STORE, timing), Named.as("request-once-per-track"), TRACKS_STORE)
                .to(Topics.ENRICHMENT_REQUESTS.name(), Produced.with(Serdes.String(), Topics.ENRICHMENT_REQUESTS.valueSerde(registry))
                        .withName("write-enrichment-requests"));

        builder.stream(Topics.ENRICHMENT_RESULTS.name(),
                        Consumed.with(Serdes.String(), Topics.ENRICHMENT_RESULTS.valueSerde(registry)).withName("read-enrichment-results"))
                .process(() -> new RememberResults(TRACKS_STORE), Named.as("remember-results"), TRACKS_STORE);
        return builder.build();
    }
}
