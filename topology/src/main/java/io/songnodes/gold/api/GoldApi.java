package io.songnodes.gold.api;

import io.songnodes.gold.GoldStores;
import io.songnodes.gold.GoldTopology;
import io.songnodes.gold.TransitionPaths;
import io.songnodes.platform.avro.AvroJson;
import io.songnodes.platform.http.HttpApi;
import io.songnodes.platform.http.HttpError;
import io.songnodes.platform.http.HttpRequest;
import io.songnodes.platform.http.HttpResponse;
import io.songnodes.platform.http.UrlEncoding;
import io.songnodes.schemas.gold.TrackNeighbours;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Interactive queries over the Gold stores, as JSON on the platform's HTTP server. Any instance
 * answers for every key: a key held by another instance is fetched from it (located with the
 * Streams metadata); a search asks every instance and merges. Unknown keys are 404, bad parameters
 * 400 naming the parameter, state moving between instances 503 with Retry-After.
 */
public final class GoldApi {

    static final int MAX_LIMIT = 1000;
    static final int MAX_HOPS = 8;
    private static final String NEIGHBOURS_PATH = "/api/graph/neighbors/";

    private final GoldStores local;
    private final Instances instances;

    GoldApi(GoldStores local, Instances instances) {
        this.local = local;
        this.instances = instances;
    }

    /** Adds the routes; {@code self} is this instance's advertised host and port (Streams' {@code application.server}). */
    public static void register(HttpApi http, KafkaStreams streams, HostInfo self, Duration timeout) {
        GoldApi api = new GoldApi(GoldStores.of(streams), new Instances(streams, self, timeout));
        http.route("GET", "/api/tracks/{key}", api::track)
                .route("GET", "/api/tracks", api::searchTracks)
                .route("GET", NEIGHBOURS_PATH + "{key}", api::neighbours)
                .route("GET", "/api/graph/path", api::path)
                .route("GET", "/api/artists/{key}", api::artist)
                .route("GET", "/api/playlists/{key}", api::playlist);
    }

    private HttpResponse track(HttpRequest request) {
        String key = request.pathParam("key");
        return routed(request, "/api/tracks/", GoldTopology.TRACK_CONTRIBUTIONS_STORE, key,
                () -> HttpResponse.ok(AvroJson.toMap(read(() -> local.track(key)).orElseThrow(() -> unknown("track", key)))));
    }

    private HttpResponse artist(HttpRequest request) {
        String key = request.pathParam("key");
        return routed(request, "/api/artists/", GoldTopology.ARTIST_CONTRIBUTIONS_STORE, key,
                () -> HttpResponse.ok(AvroJson.toMap(read(() -> local.artist(key)).orElseThrow(() -> unknown("artist", key)))));
    }

    private HttpResponse playlist(HttpRequest request) {
        String key = request.pathParam("key");
        return routed(request, "/api/playlists/", GoldTopology.PLAYLISTS_STORE, key,
                () -> HttpResponse.ok(AvroJson.toMap(read(() -> local.playlist(key)).orElseThrow(() -> unknown("playlist", key)))));
    }

    /** Prefix search by artist and/or title over every instance's tracks, most played first. */
    private HttpResponse searchTracks(HttpRequest request) {
        Optional<String> artist = request.queryParam("artist");
        Optional<String> title = request.queryParam("title");
        if (artist.isEmpty() && title.isEmpty()) {
            throw HttpError.badRequest("artist", "give artist= or title= (a prefix of either)");
        }
        int limit = Parameters.integer(request, "limit", 20, 1, MAX_LIMIT);
        String scope = Parameters.oneOf(request, "scope", "all", "all", "local");
        List<Map<String, Object>> found = new ArrayList<>();
        if (scope.equals("local") || request.header(Instances.FORWARDED_BY).isPresent()) {
            read(() -> local.search(artist.orElse(null), title.orElse(null), limit)).forEach(t -> found.add(AvroJson.toMap(t)));
        } else {
            Map<String, String> query = new LinkedHashMap<>(request.query());
            query.put("scope", "local");
            for (HostInfo instance : instances.holders(GoldTopology.TRACK_CONTRIBUTIONS_STORE)) {
                found.addAll(instance.equals(instances.self())
                        ? read(() -> local.search(artist.orElse(null), title.orElse(null), limit)).stream().map(AvroJson::toMap).toList()
                        : tracksOf(instances.get(instance, "/api/tracks", query).json()
                                .orElseThrow(() -> new HttpError(502, "instance " + instance + " does not know /api/tracks"))));
            }
        }
        found.sort(Comparator.comparingLong((Map<String, Object> t) -> ((Number) t.get("plays")).longValue()).reversed()
                .thenComparing(t -> (String) t.get("track_key")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tracks", found.size() > limit ? found.subList(0, limit) : found);
        return HttpResponse.ok(body);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tracksOf(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("tracks");
    }

    /**
     * The most frequent next (out) or previous (in) tracks: the question a DJ asks. The owner of the
     * track lists them; names are added here, so an instance answering a forwarded request never
     * calls back the one that forwarded it.
     */
    @SuppressWarnings("unchecked")
    private HttpResponse neighbours(HttpRequest request) {
        String key = request.pathParam("key");
        String direction = Parameters.oneOf(request, "direction", "out", "out", "in");
        int limit = Parameters.integer(request, "limit", 10, 1, MAX_LIMIT);
        int minCount = Parameters.integer(request, "minCount", 1, 1, Integer.MAX_VALUE);
        boolean names = Parameters.oneOf(request, "names", "true", "true", "false").equals("true");
        Map<String, Object> body = neighbourList(request.header(Instances.FORWARDED_BY).isPresent(), key, direction, limit, minCount);
        if (names) {
            for (Map<String, Object> neighbour : (List<Map<String, Object>>) body.get("neighbors")) {
                trackJson((String) neighbour.get("track_key")).ifPresent(t -> neighbour.putAll(displayName(t)));
            }
        }
        return HttpResponse.ok(body);
    }

    private Map<String, Object> neighbourList(boolean forwarded, String key, String direction, int limit, int minCount) {
        HostInfo owner = instances.owner(GoldTopology.TRACK_NEIGHBOURS_STORE, key);
        if (!owner.equals(instances.self())) {
            if (forwarded) {
                throw Instances.unavailable("track " + key + " is moving between instances");
            }
            return instances.get(owner, NEIGHBOURS_PATH + UrlEncoding.encode(key), Map.of("direction", direction, "limit", String.valueOf(limit),
                    "minCount", String.valueOf(minCount), "names", "false")).json().orElseThrow(() -> unknown("track", key));
        }
        Optional<TrackNeighbours> stored = read(() -> local.neighbours(key));
        if (stored.isEmpty() && trackJson(key).isEmpty()) {
            throw unknown("track", key);
        }
        Map<String, Long> all = stored.map(n -> direction.equals("out") ? n.getOutgoing() : n.getIncoming()).orElse(Map.of());
        long total = all.values().stream().mapToLong(Long::longValue).sum();
        List<Map<String, Object>> list = new ArrayList<>();
        all.entrySet().stream().filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .forEach(e -> {
                    Map<String, Object> neighbour = new LinkedHashMap<>();
                    neighbour.put("track_key", e.getKey());
                    neighbour.put("occurrences", e.getValue());
                    neighbour.put("share", (double) e.getValue() / total);
                    list.add(neighbour);
                });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("track_key", key);
        body.put("direction", direction);
        body.put("total_occurrences", total);
        body.put("neighbors", list);
        return body;
    }

    /** The most likely chain of real transitions between two tracks; computed here, neighbours fetched from their owners. */
    private HttpResponse path(HttpRequest request) {
        String from = request.queryParam("from").orElseThrow(() -> HttpError.badRequest("from", "required: the track key to start from"));
        String to = request.queryParam("to").orElseThrow(() -> HttpError.badRequest("to", "required: the track key to reach"));
        int maxHops = Parameters.integer(request, "maxHops", 4, 1, MAX_HOPS);
        Map<String, Object> fromTrack = trackJson(from).orElseThrow(() -> unknown("track", from));
        Map<String, Object> toTrack = trackJson(to).orElseThrow(() -> unknown("track", to));
        TransitionPaths.Chain chain;
        try {
            chain = TransitionPaths.mostLikely(from, to, maxHops, this::outgoing).orElseThrow(() -> HttpError.notFound("no chain of real transitions from " + from + " to " + to + " within " + maxHops + " hops"));
        } catch (TransitionPaths.SearchTooLarge e) {
            throw new HttpError(422, e.getMessage() + "; ask with a smaller maxHops");
        }
        List<Map<String, Object>> tracks = new ArrayList<>();
        for (String key : chain.tracks()) {
            Map<String, Object> track = new LinkedHashMap<>();
            track.put("track_key", key);
            track.putAll(displayName(key.equals(from) ? fromTrack : key.equals(to) ? toTrack : trackJson(key).orElse(Map.of())));
            tracks.add(track);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from);
        body.put("to", to);
        body.put("hops", chain.hops().size());
        body.put("probability", chain.probability());
        body.put("tracks", tracks);
        body.put("transitions", chain.hops().stream().map(GoldApi::hop).toList());
        return HttpResponse.ok(body);
    }

    private static Map<String, Object> hop(TransitionPaths.Hop hop) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from_track", hop.from());
        json.put("to_track", hop.to());
        json.put("occurrences", hop.occurrences());
        json.put("share", hop.share());
        return json;
    }

    /** A track's next tracks for the path search, from whichever instance holds them; unknown tracks have none. */
    @SuppressWarnings("unchecked")
    private TransitionPaths.Outgoing outgoing(String track) {
        Map<String, Object> body;
        try {
            body = neighbourList(false, track, "out", MAX_LIMIT, 1);
        } catch (HttpError e) {
            if (e.status() == 404) {
                return new TransitionPaths.Outgoing(Map.of(), 0);
            }
            throw e;
        }
        Map<String, Long> next = new LinkedHashMap<>();
        ((List<Map<String, Object>>) body.get("neighbors")).forEach(n -> next.put((String) n.get("track_key"), ((Number) n.get("occurrences")).longValue()));
        return new TransitionPaths.Outgoing(next, ((Number) body.get("total_occurrences")).longValue());
    }

    /** A track as JSON from whichever instance holds it; empty when no instance does. */
    private Optional<Map<String, Object>> trackJson(String key) {
        HostInfo owner = instances.owner(GoldTopology.TRACK_CONTRIBUTIONS_STORE, key);
        if (owner.equals(instances.self())) {
            return read(() -> local.track(key)).map(AvroJson::toMap);
        }
        return instances.get(owner, "/api/tracks/" + UrlEncoding.encode(key), Map.of()).json();
    }

    private static Map<String, Object> displayName(Map<String, Object> track) {
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("artists", track.get("artists"));
        name.put("title", track.get("title"));
        name.put("versions", track.get("versions"));
        return name;
    }

    /** Answers here when this instance holds the key, else passes the answer of the owner (same path and query) through. */
    private HttpResponse routed(HttpRequest request, String path, String store, String key, Supplier<HttpResponse> here) {
        HostInfo owner = instances.owner(store, key);
        if (owner.equals(instances.self())) {
            return here.get();
        }
        if (request.header(Instances.FORWARDED_BY).isPresent()) {
            throw Instances.unavailable("key " + key + " of " + store + " is moving between instances");
        }
        return instances.get(owner, path + UrlEncoding.encode(key), request.query()).passThrough();
    }

    private static <T> T read(Supplier<T> storeRead) {
        try {
            return storeRead.get();
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw Instances.unavailable("Gold stores are not queryable on this instance right now (" + e.getMessage() + ")");
        }
    }

    private static HttpError unknown(String what, String key) {
        return HttpError.notFound("no " + what + " with key " + key);
    }
}
