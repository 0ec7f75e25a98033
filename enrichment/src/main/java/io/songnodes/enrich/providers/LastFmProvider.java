package io.songnodes.enrich.providers;

import static io.songnodes.enrich.providers.ProviderHttp.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.songnodes.enrich.TrackField;
import io.songnodes.enrich.TrackQuery;
import io.songnodes.enrich.providers.ProviderException.Kind;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;

/**
 * Last.fm {@code track.getInfo}: one track by artist and name (with Last.fm's autocorrection), for
 * its most-used tag as a genre. Needs an API key ({@code api_key}), which goes in the query string.
 */
public final class LastFmProvider extends ProviderBase {

    private static final String NAME = "lastfm";

    private final ProviderSettings settings;
    private final ProviderHttp http;

    public LastFmProvider(ProviderSettings settings, HttpClient client) {
        super(NAME, TrackField.GENRE, TrackField.DURATION);
        this.settings = settings;
        this.http = new ProviderHttp(settings, client, LastFmProvider::error);
    }

    @Override
    public List<Candidate> search(TrackQuery query) throws ProviderException {
        Optional<JsonNode> body = http.get(http.uri("/2.0/", "method", "track.getInfo", "api_key", settings.credential("api_key"),
                "artist", query.artistText(), "track", query.fullTitle(), "autocorrect", "1", "format", "json"));
        if (body.isEmpty()) {
            return List.of();
        }
        JsonNode track = body.get().path("track");
        if (!track.isObject()) {
            throw new ProviderException(Kind.BAD_RESPONSE, NAME + " track.getInfo answered without a track");
        }
        return List.of(track(track));
    }

    private static Candidate track(JsonNode track) {
        // Last.fm's JSON is converted from XML: a single tag comes as an object, not a one-element array.
        JsonNode tags = track.path("toptags").path("tag");
        JsonNode topTag = tags.isArray() ? tags.path(0) : tags;
        // Last.fm names a track by artist and title; its page URL is the one id every track has (mbid is often "").
        return new CandidateBuilder(NAME, text(track, "url"))
                .artist(text(track.path("artist"), "name"))
                .title(text(track, "name"))
                .durationMillis(track.path("duration").asLong()) // a string of milliseconds, "0" when unknown
                .field(TrackField.GENRE, text(topTag, "name"))
                .build();
    }

    /**
     * Last.fm reports errors as {@code {"error": code, "message": ...}} with HTTP 200, 400, 403 or
     * 404 alike, so the code decides (last.fm/api/errorcodes).
     */
    private static boolean error(JsonNode body) throws ProviderException {
        if (!body.path("error").isNumber()) {
            return false;
        }
        int code = body.path("error").asInt();
        String what = NAME + " error " + code;
        switch (code) {
            case 6: // "Invalid parameters", which track.getInfo answers for a track it does not know
                return true;
            case 29: // rate limit exceeded
                throw new ProviderException(Kind.RATE_LIMITED, what);
            case 10: // invalid API key
            case 26: // suspended API key
                throw new ProviderException(Kind.UNAUTHORIZED, what);
            case 8: // operation failed: backend error
            case 11: // service offline
            case 16: // temporary error
                throw new ProviderException(Kind.UNAVAILABLE, what);
            default:
                throw new ProviderException(Kind.BAD_RESPONSE, what);
        }
    }
}
