package io.songnodes.gold;

import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.gold.TransitionContributions;
import io.songnodes.schemas.silver.SilverPlaylist;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The transition graph as a pure function: the Silver playlists table in, {@code gold.transitions.v1}
 * out. Each playlist version replaces that playlist's previous contribution to every transition (a
 * subtract-then-add done exactly), so a re-scrape, a duplicate or a full replay never inflates a count.
 */
public final class TransitionsTopology {

    public static final String TOPOLOGY = "gold";
    static final String PLAYLIST_EDGES_STORE = "gold-playlist-transitions";
    static final String CONTRIBUTIONS_STORE = "gold-transition-contributions";
    /** Every state store, for a reset to delete exactly their changelogs. */
    public static final List<String> STORES = List.of(PLAYLIST_EDGES_STORE, CONTRIBUTIONS_STORE);

    private TransitionsTopology() {
    }

    public static Topology build(SchemaRegistryClient registry) {
        Serde<SilverPlaylist> playlists = Topics.SILVER_PLAYLISTS.valueSerde(registry);
        Serde<TransitionContributions> contributions = io.songnodes.platform.avro.AvroSerde.forValues(TransitionContributions.class, registry);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PLAYLIST_EDGES_STORE), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CONTRIBUTIONS_STORE), Serdes.String(), contributions));
        builder.stream(Topics.SILVER_PLAYLISTS.name(), Consumed.with(Serdes.String(), playlists).withName("read-silver-playlists"))
                .process(PlaylistDiffProcessor::new, Named.as("diff-playlist-transitions"), PLAYLIST_EDGES_STORE)
                .repartition(Repartitioned.with(Serdes.String(), contributions).withName("transitions-by-edge"))
                .process(TransitionAggregator::new, Named.as("aggregate-transitions"), CONTRIBUTIONS_STORE)
                .to(Topics.GOLD_TRANSITIONS.name(), Produced.with(Serdes.String(), Topics.GOLD_TRANSITIONS.valueSerde(registry))
                        .withName("write-gold-transitions"));
        return builder.build();
    }
}
