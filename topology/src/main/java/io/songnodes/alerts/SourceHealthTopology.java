package io.songnodes.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.alerts.SilentFailureAlert;
import io.songnodes.schemas.alerts.SourceHealth;
import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.silver.SilverPlaylist;
import org.apache.avro.specific.SpecificRecord;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Source health and silent-failure alerts as a pure function of their settings: Bronze (and Silver's verdicts) in,
 * repartitioned by source (so each source's state lives in exactly one task and no two tasks alert
 * on it), {@code gold.source-health.v1} and {@code alerts.silent-failures.v1} out.
 */
public final class SourceHealthTopology {

    static final String BUCKETS_STORE = "source-health-buckets";
    static final String SOURCES_STORE = "source-health-known-sources";
    static final String ALERTS_STORE = "silent-failure-alert-state";
    /** Every state store, for a reset to delete exactly their changelogs. */
    public static final List<String> STORES = List.of(BUCKETS_STORE, SOURCES_STORE, ALERTS_STORE);
    static final String HEALTH_BRANCH = "publish-source-health";
    static final String ALERTS_BRANCH = "publish-silent-failure-alerts";

    private SourceHealthTopology() {
    }

    public static Topology build(AlertSettings settings, SchemaRegistryClient registry, MeterRegistry meters, AlertGauges gauges) {
        Serde<BronzePlaylist> bronze = Topics.BRONZE_PLAYLISTS.valueSerde(registry);
        Serde<SourceHealth> health = Topics.GOLD_SOURCE_HEALTH.valueSerde(registry);
        Serde<SilentFailureAlert> alerts = Topics.ALERTS_SILENT_FAILURES.valueSerde(registry);
        Serde<SilverPlaylist> silver = Topics.SILVER_PLAYLISTS.valueSerde(registry);
        Deserializer<BronzePlaylist> decode = bronze.deserializer();
        Counter unreadable = Counter.builder("songnodes_source_health_unreadable_records")
                .description("Bronze records source health could not read (Silver dead-letters them)").register(meters);

        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BUCKETS_STORE), Serdes.String(), health));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SOURCES_STORE), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERTS_STORE), Serdes.String(), alerts));

        KStream<String, SpecificRecord> bronzeBySource = builder.stream(Topics.BRONZE_PLAYLISTS.name(),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-bronze-for-health"))
                .flatMapValues(bytes -> {
                    try {
                        BronzePlaylist playlist = decode.deserialize(Topics.BRONZE_PLAYLISTS.name(), bytes);
                        return playlist == null ? List.<BronzePlaylist>of() : List.of(playlist);
                    } catch (RuntimeException e) {
                        unreadable.increment(); // Silver sends the same record to its dead-letter topic with the reason
                        return List.<BronzePlaylist>of();
                    }
                }, Named.as("decode-bronze-for-health"))
                .selectKey((key, playlist) -> playlist.getSource(), Named.as("key-bronze-by-source"))
                .repartition(Repartitioned.with(Serdes.String(), bronze).withName("bronze-by-source").withNumberOfPartitions(settings.partitions()))
                .mapValues(v -> (SpecificRecord) v, Named.as("bronze-as-record"));
        // Silver's verdicts (playlists an expectation failed) join the same per-source history.
        KStream<String, SpecificRecord> silverBySource = builder.stream(Topics.SILVER_PLAYLISTS.name(),
                        Consumed.with(Serdes.String(), silver).withName("read-silver-for-health"))
                .filter((key, playlist) -> playlist != null, Named.as("skip-silver-tombstones"))
                .selectKey((key, playlist) -> playlist.getSource(), Named.as("key-silver-by-source"))
                .repartition(Repartitioned.with(Serdes.String(), silver).withName("silver-by-source").withNumberOfPartitions(settings.partitions()))
                .mapValues(v -> (SpecificRecord) v, Named.as("silver-as-record"));
        KStream<String, Object> out = bronzeBySource.merge(silverBySource, Named.as("merge-bronze-and-silver"))
                .process(() -> new SourceHealthProcessor(settings, gauges), Named.as("track-source-health"),
                        BUCKETS_STORE, SOURCES_STORE, ALERTS_STORE);
        out.filter((k, v) -> v instanceof SourceHealth, Named.as("only-source-health"))
                .mapValues(v -> (SourceHealth) v, Named.as("as-source-health"))
                .to(Topics.GOLD_SOURCE_HEALTH.name(), Produced.with(Serdes.String(), health).withName(HEALTH_BRANCH));
        out.filter((k, v) -> v instanceof SilentFailureAlert, Named.as("only-alerts"))
                .mapValues(v -> (SilentFailureAlert) v, Named.as("as-alert"))
                .to(Topics.ALERTS_SILENT_FAILURES.name(), Produced.with(Serdes.String(), alerts).withName(ALERTS_BRANCH));
        return builder.build();
    }
}
