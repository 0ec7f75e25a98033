package io.songnodes.scrape.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.songnodes.platform.http.HttpApi;
import io.songnodes.platform.http.HttpRequest;
import io.songnodes.platform.http.HttpResponse;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MusicBrainz WS/2 as JSON: the Lucene recording search ({@code /ws/2/recording?query=}) and the
 * ISRC lookup ({@code /ws/2/isrc/{isrc}}), in the shapes the MusicBrainz API documents, errors
 * included. Like the real search it also returns other artists' recordings of the title at a lower
 * score, so a client has to check what it is given.
 */
final class MusicBrainzApi implements ProviderApi {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern ISRC = Pattern.compile("[A-Z]{2}[A-Z0-9]{3}\\d{7}");
    private static final String HELP = "For usage, please see: https://musicbrainz.org/development/mmd";
    private static final int NAMESAKES = 2;

    private final ProviderWorld world;
    private final Clock clock;

    MusicBrainzApi(ProviderWorld world, Clock clock) {
        this.world = world;
        this.clock = clock;
    }

    @Override
    public Map<String, HttpApi.Handler> routes() {
        return Map.of("/ws/2/recording", jsonOnly(this::search), "/ws/2/isrc/{isrc}", jsonOnly(this::isrc));
    }

    @Override
    public HttpResponse unavailable() {
        return error(503, "The MusicBrainz web server is temporarily unavailable.");
    }

    @Override
    public HttpResponse throttled() {
        return error(429, "Your requests are exceeding the allowable rate limit. "
                + "Please see https://musicbrainz.org/doc/MusicBrainz_API/Rate_Limiting for more information.");
    }

    private HttpResponse search(HttpRequest request) {
        Optional<String> query = request.queryParam("query");
        if (query.isEmpty()) {
            return error(400, "Missing required parameter: query");
        }
        FieldQuery fields = FieldQuery.parse(query.get());
        Optional<String> title = fields.field("recording");
        List<Recording> found = world.find(fields.field("artist"), title);
        List<ObjectNode> results = new ArrayList<>();
        for (Recording recording : found) {
            results.add(recording(recording, title.map(recording::titled).orElse(true) ? 100 : 90));
        }
        if (title.isPresent() && !found.isEmpty()) {
            List<Recording> namesakes = world.namesakesOf(found.get(0));
            for (int i = 0; i < Math.min(NAMESAKES, namesakes.size()); i++) {
                results.add(recording(namesakes.get(i), 74 - 9 * i));
            }
        }
        int offset = Math.min(ProviderApi.intParam(request, "offset", 0, Integer.MAX_VALUE), results.size());
        int limit = ProviderApi.intParam(request, "limit", 25, 100);
        ObjectNode body = JSON.objectNode()
                .put("created", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString())
                .put("count", results.size())
                .put("offset", offset);
        body.putArray("recordings").addAll(results.subList(offset, Math.min(results.size(), offset + limit)));
        return HttpResponse.json(200, body);
    }

    private HttpResponse isrc(HttpRequest request) {
        String isrc = request.pathParam("isrc").toUpperCase(Locale.ROOT);
        if (!ISRC.matcher(isrc).matches()) {
            return error(400, "Invalid isrc.");
        }
        List<Recording> recordings = world.byIsrc(isrc);
        if (recordings.isEmpty()) {
            return error(404, "Not Found");
        }
        ObjectNode body = JSON.objectNode().put("isrc", isrc);
        ArrayNode array = body.putArray("recordings");
        recordings.forEach(r -> array.add(recording(r, null)));
        return HttpResponse.json(200, body);
    }

    /** A recording as search results ({@code score} given) and lookups ({@code score} null) show it. */
    private static ObjectNode recording(Recording recording, Integer score) {
        ObjectNode node = JSON.objectNode().put("id", recording.musicBrainz().recording().toString());
        if (score != null) {
            node.put("score", score);
        }
        node.put("title", recording.fullTitle()).put("length", recording.lengthMillis()).put("video", false);
        ObjectNode credit = node.putArray("artist-credit").addObject().put("name", recording.artist()).put("joinphrase", "");
        credit.putObject("artist").put("id", recording.musicBrainz().artist().toString())
                .put("name", recording.artist()).put("sort-name", recording.artist());
        node.put("first-release-date", recording.released().toString());
        node.putArray("isrcs").add(recording.isrc());
        node.putArray("releases").addObject().put("id", recording.musicBrainz().release().toString())
                .put("title", recording.releaseTitle()).put("status", "Official").put("date", recording.released().toString());
        return node;
    }

    /**
     * The real service answers XML unless asked for JSON ({@code fmt=json} or {@code Accept: application/json});
     * the simulator refuses instead, so a client that forgot fails here as it would live.
     */
    private static HttpApi.Handler jsonOnly(HttpApi.Handler handler) {
        return request -> request.queryParam("fmt").filter("json"::equals).isPresent()
                || request.header("Accept").filter(a -> a.contains("application/json")).isPresent()
                ? handler.handle(request)
                : error(400, "The simulator answers JSON only: ask with fmt=json.");
    }

    private static HttpResponse error(int status, String message) {
        return HttpResponse.json(status, JSON.objectNode().put("error", message).put("help", HELP));
    }
}
