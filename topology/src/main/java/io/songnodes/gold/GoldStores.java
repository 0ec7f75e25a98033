package io.songnodes.gold;

import io.songnodes.schemas.enrichment.EnrichmentResult;
import io.songnodes.schemas.gold.Artist;
import io.songnodes.schemas.gold.ArtistContributions;
import io.songnodes.schemas.gold.Track;
import io.songnodes.schemas.gold.TrackContributions;
import io.songnodes.schemas.gold.TrackNeighbours;
import io.songnodes.schemas.silver.SilverPlaylist;
import io.songnodes.platform.text.TextFold;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads of the Gold stores this instance holds: what the HTTP queries answer from. Each answer is
 * computed from the same contributions the Gold topics are, so a query and the topic agree. A
 * store that is not queryable here (rebalancing, restoring) throws
 * {@link org.apache.kafka.streams.errors.InvalidStateStoreException}.
 */
public final class GoldStores {

    /** The local store of a name; the running application's, or a test driver's. */
    @FunctionalInterface
    public interface Source {
        ReadOnlyKeyValueStore<String, ?> store(String name);
    }

    private final Source source;
    private final TrackShape tracks = new TrackShape();
    private final ArtistShape artists = new ArtistShape();

    public GoldStores(Source source) {
        this.source = source;
    }

    public static GoldStores of(KafkaStreams streams) {
        return new GoldStores(name -> streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, Object>keyValueStore())));
    }

    public Optional<Track> track(String key) {
        return Optional.ofNullable(this.<TrackContributions>store(GoldTopology.TRACK_CONTRIBUTIONS_STORE).get(key))
                .map(state -> enriched(key, state));
    }

    private Track enriched(String key, TrackContributions state) {
        return TrackEnrichment.apply(tracks.output(key, state.getContributions()),
                this.<EnrichmentResult>store(GoldTopology.TRACK_ENRICHMENT_STORE).get(key));
    }

    /**
     * Tracks held here whose artist (any of them) and title start with the given prefixes, compared
     * folded (case, accents, punctuation); null matches anything. Most played first.
     */
    public List<Track> search(String artistPrefix, String titlePrefix, int limit) {
        String artist = artistPrefix == null ? null : TextFold.fold(artistPrefix);
        String title = titlePrefix == null ? null : TextFold.fold(titlePrefix);
        List<Track> found = new ArrayList<>();
        try (KeyValueIterator<String, TrackContributions> all = this.<TrackContributions>store(GoldTopology.TRACK_CONTRIBUTIONS_STORE).all()) {
            while (all.hasNext()) {
                KeyValue<String, TrackContributions> next = all.next();
                Track track = tracks.output(next.key, next.value.getContributions());
                if ((artist == null || track.getArtists().stream().anyMatch(a -> TextFold.fold(a).startsWith(artist)))
                        && (title == null || (track.getTitle() != null && TextFold.fold(track.getTitle()).startsWith(title)))) {
                    found.add(track);
                }
            }
        }
        found.sort(MOST_PLAYED);
        // Enrichment joined only into the tracks returned, not every track scanned.
        return found.stream().limit(limit).map(t -> TrackEnrichment.apply(t,
                this.<EnrichmentResult>store(GoldTopology.TRACK_ENRICHMENT_STORE).get(t.getTrackKey()))).toList();
    }

    /** Most played first, then by key, so merged answers of several instances sort the same way. */
    public static final Comparator<Track> MOST_PLAYED = Comparator.comparingLong(Track::getPlays).reversed().thenComparing(Track::getTrackKey);

    public Optional<Artist> artist(String key) {
        return Optional.ofNullable(this.<ArtistContributions>store(GoldTopology.ARTIST_CONTRIBUTIONS_STORE).get(key))
                .map(state -> artists.output(key, state.getContributions()));
    }

    /** The tracks played after and before this one, with how often; empty when it has no transition. */
    public Optional<TrackNeighbours> neighbours(String trackKey) {
        return Optional.ofNullable(this.<TrackNeighbours>store(GoldTopology.TRACK_NEIGHBOURS_STORE).get(trackKey));
    }

    public Optional<SilverPlaylist> playlist(String key) {
        return Optional.ofNullable(this.<SilverPlaylist>store(GoldTopology.PLAYLISTS_STORE).get(key));
    }

    @SuppressWarnings("unchecked")
    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return (ReadOnlyKeyValueStore<String, V>) source.store(name);
    }
}
