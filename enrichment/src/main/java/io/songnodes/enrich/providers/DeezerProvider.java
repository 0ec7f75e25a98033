package io.songnodes.enrich.providers;

import io.songnodes.platform.http.UrlEncoding;
import static io.songnodes.enrich.providers.ProviderHttp.quoted;
import static io.songnodes.enrich.providers.ProviderHttp.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.songnodes.enrich.TrackField;
import io.songnodes.enrich.TrackQuery;
import io.songnodes.enrich.providers.ProviderException.Kind;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Deezer's public API (no key). Search results lack ISRC, BPM and release date; those come from
 * {@code /track/{id}}, asked only for the candidate that matched ({@link #complete}).
 */
public final class DeezerProvider extends ProviderBase {

    private static final String NAME = "deezer";
    /** Deezer's quota is counted per 5 seconds and its error says nothing of when it resets. */
    private static final Duration QUOTA_WINDOW = Duration.ofSeconds(5);

    private final ProviderHttp http;

    public DeezerProvider(ProviderSettings settings, HttpClient client) {
        super(NAME, TrackField.ISRC, TrackField.BPM, TrackField.RELEASE_DATE, TrackField.DURATION, TrackField.EXTERNAL_IDS);
        this.http = new ProviderHttp(settings, client, DeezerProvider::error);
    }

    @Override
    public List<Candidate> search(TrackQuery query) throws ProviderException {
        String q = "artist:" + quoted(query.artistText()) + " track:" + quoted(query.fullTitle());
        return ProviderHttp.each(http.get(http.uri("/search", "q", q, "limit", "10")), "/data", DeezerProvider::searchResult);
    }

    @Override
    public boolean completes() {
        return true;
    }

    /** Adds ISRC, BPM and release date from {@code /track/{id}}; unchanged when Deezer no longer has the track. */
    @Override
    public Candidate complete(Candidate candidate) throws ProviderException {
        Optional<JsonNode> track = http.get(http.uri("/track/" + UrlEncoding.encode(candidate.id())));
        if (track.isEmpty()) {
            return candidate;
        }
        return CandidateBuilder.from(candidate)
                .isrc(text(track.get(), "isrc"))
                .bpm(track.get().path("bpm").asDouble())
                .releaseDate(text(track.get(), "release_date"))
                .durationSeconds(track.get().path("duration").asLong())
                .externalId("track")
                .build();
    }

    private static Candidate searchResult(JsonNode track) {
        return new CandidateBuilder(NAME, text(track, "id"))
                .artist(text(track.path("artist"), "name"))
                .title(text(track, "title"))
                .durationSeconds(track.path("duration").asLong())
                .externalId("track")
                .build();
    }

    /**
     * Deezer answers errors with HTTP 200 and {@code {"error": {"type", "message", "code"}}}
     * (developers.deezer.com/api/errors).
     */
    private static boolean error(JsonNode body) throws ProviderException {
        JsonNode error = body.path("error");
        if (!error.isObject()) {
            return false;
        }
        int code = error.path("code").asInt();
        String what = NAME + " error " + code + " (" + text(error, "type") + ")";
        switch (code) {
            case 800: // DATA_NOT_FOUND
                return true;
            case 4: // QUOTA
                throw new ProviderException(Kind.RATE_LIMITED, what, QUOTA_WINDOW, null);
            case 700: // SERVICE_BUSY
                throw new ProviderException(Kind.UNAVAILABLE, what);
            default:
                throw new ProviderException(Kind.BAD_RESPONSE, what);
        }
    }
}
