package io.songnodes.gold;

import io.songnodes.platform.avro.AvroSerde;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.topics.TopicSpec;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.gold.ArtistContributions;
import io.songnodes.schemas.gold.TrackContributions;
import io.songnodes.schemas.gold.TrackNeighbours;
import io.songnodes.schemas.gold.Transition;
import io.songnodes.schemas.gold.TransitionContributions;
import io.songnodes.schemas.silver.SilverPlaylist;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
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
 * Gold as a pure function: the Silver playlists table in; {@code gold.transitions.v1},
 * {@code gold.tracks.v1} and {@code gold.artists.v1} out. Each playlist version replaces that
 * playlist's previous contribution to every transition, track and artist (a subtract-then-add done
 * exactly), so a re-scrape, a duplicate or a full replay never inflates a count. The stores named
 * here are what the interactive queries read.
 */
public final class GoldTopology {

    public static final String TOPOLOGY = "gold";
    static final String PLAYLIST_TRANSITIONS_STORE = "gold-playlist-transitions";
    public static final String TRANSITION_CONTRIBUTIONS_STORE = "gold-transition-contributions";
    static final String PLAYLIST_TRACKS_STORE = "gold-playlist-tracks";
    public static final String TRACK_CONTRIBUTIONS_STORE = "gold-track-contributions";
    static final String PLAYLIST_ARTISTS_STORE = "gold-playlist-artists";
    public static final String ARTIST_CONTRIBUTIONS_STORE = "gold-artist-contributions";
    public static final String TRACK_NEIGHBOURS_STORE = "gold-track-neighbours";
    public static final String PLAYLISTS_STORE = "gold-playlists";
    public static final String TRACK_ENRICHMENT_STORE = "gold-track-enrichment";
    /** Every state store, for a reset to delete exactly their changelogs. */
    public static final List<String> STORES = List.of(PLAYLIST_TRANSITIONS_STORE, TRANSITION_CONTRIBUTIONS_STORE,
            PLAYLIST_TRACKS_STORE, TRACK_CONTRIBUTIONS_STORE, PLAYLIST_ARTISTS_STORE, ARTIST_CONTRIBUTIONS_STORE,
            TRACK_NEIGHBOURS_STORE, PLAYLISTS_STORE, TRACK_ENRICHMENT_STORE);

    private GoldTopology() {
    }

    public static Topology build(SchemaRegistryClient registry) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<SilverPlaylist> playlistSerde = Topics.SILVER_PLAYLISTS.valueSerde(registry);
        KStream<String, SilverPlaylist> playlists = builder.stream(Topics.SILVER_PLAYLISTS.name(),
                Consumed.with(Serdes.String(), playlistSerde).withName("read-silver-playlists"));
        playlists.toTable(Named.as("playlists-table"), Materialized.<String, SilverPlaylist, KeyValueStore<Bytes, byte[]>>as(PLAYLISTS_STORE)
                .withKeySerde(Serdes.String()).withValueSerde(playlistSerde));

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TRACK_NEIGHBOURS_STORE), Serdes.String(),
                AvroSerde.forValues(TrackNeighbours.class, registry)));
        TransitionShape transitions = new TransitionShape();
        KStream<String, Transition> transitionTable = table(builder, playlists, "transitions", PlaylistTransitions::of, transitions,
                transitions, AvroSerde.forValues(TransitionContributions.class, registry), PLAYLIST_TRANSITIONS_STORE, TRANSITION_CONTRIBUTIONS_STORE);
        write(transitionTable, Topics.GOLD_TRANSITIONS, registry, "write-gold-transitions");
        transitionTable.flatMap(TrackNeighboursIndexer::updates, Named.as("transition-to-neighbours"))
                .repartition(Repartitioned.with(Serdes.String(), AvroSerde.forValues(TrackNeighbours.class, registry)).withName("neighbours-by-track"))
                .process(() -> new TrackNeighboursIndexer(TRACK_NEIGHBOURS_STORE), Named.as("index-neighbours"), TRACK_NEIGHBOURS_STORE);

        // Tracks join their enrichment: on a playlist change from the aggregate, on a new result from the results topic.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TRACK_ENRICHMENT_STORE), Serdes.String(),
                Topics.ENRICHMENT_RESULTS.valueSerde(registry)));
        TrackShape tracks = new TrackShape();
        write(table(builder, playlists, "tracks", PlaylistTracks::of, tracks, tracks,
                        AvroSerde.forValues(TrackContributions.class, registry), PLAYLIST_TRACKS_STORE, TRACK_CONTRIBUTIONS_STORE)
                        .process(() -> new TrackEnrichmentJoin.OnTrack(TRACK_ENRICHMENT_STORE), Named.as("join-enrichment-on-track"),
                                TRACK_ENRICHMENT_STORE),
                Topics.GOLD_TRACKS, registry, "write-gold-tracks");
        write(builder.stream(Topics.ENRICHMENT_RESULTS.name(), Consumed.with(Serdes.String(), Topics.ENRICHMENT_RESULTS.valueSerde(registry))
                                .withName("read-enrichment-results"))
                        .process(() -> new TrackEnrichmentJoin.OnResult(TRACK_ENRICHMENT_STORE, TRACK_CONTRIBUTIONS_STORE, tracks),
                                Named.as("join-enrichment-on-result"), TRACK_ENRICHMENT_STORE, TRACK_CONTRIBUTIONS_STORE),
                Topics.GOLD_TRACKS, registry, "write-enriched-gold-tracks");
        ArtistShape artists = new ArtistShape();
        write(table(builder, playlists, "artists", PlaylistArtists::of, artists, artists,
                AvroSerde.forValues(ArtistContributions.class, registry), PLAYLIST_ARTISTS_STORE, ARTIST_CONTRIBUTIONS_STORE),
                Topics.GOLD_ARTISTS, registry, "write-gold-artists");
        return builder.build();
    }

    /** One Gold table: diff each playlist version into per-item updates, route them by item, add them up. */
    private static <C, S extends SpecificRecord, O> KStream<String, O> table(StreamsBuilder builder, KStream<String, SilverPlaylist> playlists,
                                                                             String name, Function<SilverPlaylist, Map<String, C>> items,
                                                                             PlaylistDiffProcessor.Updates<C, S> updates,
                                                                             ContributionAggregator.Shape<C, S, O> shape, Serde<S> state,
                                                                             String playlistStore, String itemStore) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(playlistStore), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(itemStore), Serdes.String(), state));
        KStream<String, O> table = playlists.process(() -> new PlaylistDiffProcessor<>(playlistStore, items, updates), Named.as("diff-playlist-" + name), playlistStore)
                .repartition(Repartitioned.with(Serdes.String(), state).withName(name + "-by-item"))
                .process(() -> new ContributionAggregator<>(itemStore, shape), Named.as("aggregate-" + name), itemStore);
        return table;
    }

    private static <O> void write(KStream<String, O> table, TopicSpec<String, O> output, SchemaRegistryClient registry, String name) {
        table.to(output.name(), Produced.with(Serdes.String(), output.valueSerde(registry)).withName(name));
    }
}
