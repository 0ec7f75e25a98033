package io.songnodes.scrape.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.songnodes.platform.http.HttpApi;
import io.songnodes.platform.http.HttpRequest;
import io.songnodes.platform.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deezer's public API: the advanced track search ({@code /search?q=artist:"A" track:"T"}) and the
 * track detail ({@code /track/{id}}), which alone carries ISRC, BPM and release date. As Deezer
 * does, a request it cannot answer still gets HTTP 200 with an {@code error} object.
 */
final class DeezerApi implements ProviderApi {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ProviderWorld world;

    DeezerApi(ProviderWorld world) {
        this.world = world;
    }

    @Override
    public Map<String, HttpApi.Handler> routes() {
        return Map.of("/search", this::search, "/track/{id}", this::track);
    }

    @Override
    public HttpResponse unavailable() {
        return error(503, "Exception", "Service busy", 700);
    }

    @Override
    public HttpResponse throttled() {
        return error(429, "Exception", "Quota limit exceeded", 4);
    }

    private HttpResponse search(HttpRequest request) {
        Optional<String> q = request.queryParam("q");
        if (q.isEmpty()) {
            return error(200, "MissingParameterException", "Missing parameters: q", 501);
        }
        FieldQuery fields = FieldQuery.parse(q.get());
        List<Recording> found = world.find(fields.field("artist"), fields.field("track"));
        int index = Math.min(ProviderApi.intParam(request, "index", 0, Integer.MAX_VALUE), found.size());
        int limit = ProviderApi.intParam(request, "limit", 25, 100);
        ObjectNode body = JSON.objectNode();
        ArrayNode data = body.putArray("data");
        found.subList(index, Math.min(found.size(), index + limit)).forEach(r -> data.add(summary(r)));
        body.put("total", found.size());
        return HttpResponse.json(200, body);
    }

    private HttpResponse track(HttpRequest request) {
        Optional<Recording> found;
        try {
            found = world.byDeezerTrack(Integer.parseInt(request.pathParam("id")));
        } catch (NumberFormatException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            return error(200, "DataException", "no data", 800);
        }
        Recording recording = found.get();
        ObjectNode track = summary(recording)
                .put("isrc", recording.isrc())
                .put("track_position", 1)
                .put("disk_number", 1)
                .put("release_date", recording.released().toString())
                .put("gain", recording.gain());
        // Deezer writes an unknown BPM as a plain 0.
        if (recording.bpm() == 0) {
            track.put("bpm", 0);
        } else {
            track.put("bpm", recording.bpm());
        }
        track.putArray("contributors").add(artist(recording).put("role", "Main"));
        ((ObjectNode) track.get("album")).put("release_date", recording.released().toString());
        return HttpResponse.json(200, track);
    }

    /** A track as search results list it; the detail adds to it. */
    private static ObjectNode summary(Recording recording) {
        int id = recording.deezer().track();
        ObjectNode track = JSON.objectNode()
                .put("id", id)
                .put("readable", true)
                .put("title", recording.fullTitle())
                .put("title_short", recording.title())
                .put("title_version", recording.remix() == null ? "" : "(" + recording.remix() + ")")
                .put("link", "https://www.deezer.com/track/" + id)
                .put("duration", recording.durationSeconds())
                .put("rank", recording.rank())
                .put("explicit_lyrics", false);
        track.set("artist", artist(recording));
        track.putObject("album")
                .put("id", recording.deezer().album())
                .put("title", recording.releaseTitle())
                .put("type", "album");
        return track.put("type", "track");
    }

    private static ObjectNode artist(Recording recording) {
        return JSON.objectNode()
                .put("id", recording.deezer().artist())
                .put("name", recording.artist())
                .put("link", "https://www.deezer.com/artist/" + recording.deezer().artist())
                .put("type", "artist");
    }

    /** Deezer's error object: {@code {"error":{"type":..,"message":..,"code":..}}}. */
    private static HttpResponse error(int status, String type, String message, int code) {
        ObjectNode body = JSON.objectNode();
        body.putObject("error").put("type", type).put("message", message).put("code", code);
        return HttpResponse.json(status, body);
    }
}
