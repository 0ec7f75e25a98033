package io.songnodes.enrich.providers;

import io.songnodes.enrich.TrackField;
import io.songnodes.enrich.TrackQuery;
import java.util.List;
import java.util.Set;

/**
 * One music-metadata service. Implementations only speak the service's API and parse its real
 * response shapes; rate limits, retries, circuit breaking, caching, budgets and matching are the
 * waterfall's, around every provider alike.
 */
public interface MetadataProvider {

    /** Lower-case name used in configuration, metrics and results: {@code musicbrainz}. */
    String name();

    /** The fields this provider can supply. */
    Set<TrackField> fields();

    /**
     * The provider's candidates for the track, in the provider's own order; empty when it has none.
     *
     * @throws ProviderException when the provider could not answer (down, throttling, refused)
     */
    List<Candidate> search(TrackQuery query) throws ProviderException;

    /**
     * The candidate with the fields only a second call gives (Deezer's BPM and ISRC are on
     * {@code /track/{id}}, not in search results); called only for a candidate that matched.
     */
    default Candidate complete(Candidate candidate) throws ProviderException {
        return candidate;
    }

    /** Whether the provider can look a recording up by ISRC ({@link #byIsrc}), which is exact where a text search is not. */
    default boolean looksUpIsrc() {
        return false;
    }

    /** The recordings carrying this ISRC; only called when {@link #looksUpIsrc()}. */
    default List<Candidate> byIsrc(String isrc) throws ProviderException {
        throw new UnsupportedOperationException(name() + " cannot look up by ISRC");
    }

    /** Whether {@link #complete} calls the provider; when not, it costs no call, budget or rate. */
    default boolean completes() {
        return false;
    }
}
