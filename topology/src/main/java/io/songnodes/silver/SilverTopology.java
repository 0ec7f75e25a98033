package io.songnodes.silver;

import io.micrometer.core.instrument.MeterRegistry;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.bronze.BronzePlaylist;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Silver as a pure function of its settings: {@code bronze.playlists.v1} in; {@code silver.playlists.v1},
 * {@code silver.track-plays.v1} and {@code dlq.silver.v1} out. Every node and store is named.
 */
public final class SilverTopology {

    static final String SOURCE = "read-bronze-playlists";
    static final String PROCESSOR = "validate-and-parse-playlists";
    static final String PLAYLISTS_SINK = "write-silver-playlists";
    static final String TRACK_PLAYS_SINK = "write-silver-track-plays";
    static final String DEAD_LETTER_SINK = "write-silver-dead-letters";
    /** Per playlist, the content hash, outcome and line-parser version last published: a re-scrape of the same page publishes nothing. */
    static final String CONTENT_VERSIONS_STORE = "silver-content-versions";
    /** Every state store of the topology, for a reset to delete exactly their changelogs. */
    public static final List<String> STORES = List.of(CONTENT_VERSIONS_STORE);

    private SilverTopology() {
    }

    public static Topology build(SilverSettings settings, SchemaRegistryClient registry, MeterRegistry meters) {
        Deserializer<BronzePlaylist> bronze = Topics.BRONZE_PLAYLISTS.valueSerde(registry).deserializer();
        SilverMetrics metrics = new SilverMetrics(meters);
        Topology topology = new Topology();
        // Raw bytes in: a record that is not Avro reaches the processor and becomes a byte-exact dead letter.
        topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), Topics.BRONZE_PLAYLISTS.name());
        topology.addProcessor(PROCESSOR, () -> new SilverProcessor(settings, bronze, metrics), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CONTENT_VERSIONS_STORE),
                Serdes.String(), Serdes.String()), PROCESSOR);
        topology.addSink(PLAYLISTS_SINK, Topics.SILVER_PLAYLISTS.name(), new StringSerializer(),
                Topics.SILVER_PLAYLISTS.valueSerde(registry).serializer(), PROCESSOR);
        topology.addSink(TRACK_PLAYS_SINK, Topics.SILVER_TRACK_PLAYS.name(), new StringSerializer(),
                Topics.SILVER_TRACK_PLAYS.valueSerde(registry).serializer(), PROCESSOR);
        topology.addSink(DEAD_LETTER_SINK, Topics.DLQ_SILVER.name(), new ByteArraySerializer(), new ByteArraySerializer(), PROCESSOR);
        return topology;
    }
}
