package io.songnodes.enrich.providers;

import static io.songnodes.enrich.providers.ProviderHttp.quoted;
import static io.songnodes.enrich.providers.ProviderHttp.text;
import static io.songnodes.enrich.providers.ProviderHttp.texts;

import com.fasterxml.jackson.databind.JsonNode;
import io.songnodes.enrich.TrackField;
import io.songnodes.enrich.TrackQuery;
import io.songnodes.enrich.providers.ProviderException.Kind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Spotify Web API track search, authorised by the client-credentials flow ({@code client_id},
 * {@code client_secret}). Audio features (BPM, key) are not used: that endpoint is closed to apps
 * registered since November 2024.
 */
public final class SpotifyProvider extends ProviderBase {

    private static final String NAME = "spotify";
    private static final URI ACCOUNTS = URI.create("https://accounts.spotify.com");
    /** A token is replaced this long before it expires, so none expires on its way to Spotify. */
    private static final Duration EARLY_REFRESH = Duration.ofSeconds(60);

    private record Token(String value, Instant refreshAt) {
    }

    private final ProviderSettings settings;
    private final ProviderHttp api;
    private final ProviderHttp accounts;
    private final Clock clock;
    /** Guarded by this. */
    private Token token;

    public SpotifyProvider(ProviderSettings settings, HttpClient client) {
        this(settings, client, Clock.systemUTC());
    }

    SpotifyProvider(ProviderSettings settings, HttpClient client, Clock clock) {
        super(NAME, TrackField.ISRC, TrackField.RELEASE_DATE, TrackField.DURATION, TrackField.EXTERNAL_IDS);
        this.settings = settings;
        this.api = new ProviderHttp(settings, client, ProviderHttp.Errors.NONE, clock);
        this.accounts = new ProviderHttp(settings, client, SpotifyProvider::oauthError, clock);
        this.clock = clock;
    }

    @Override
    public List<Candidate> search(TrackQuery query) throws ProviderException {
        return tracks("track:" + quoted(query.fullTitle()) + " artist:" + quoted(query.artistText()));
    }

    @Override
    public boolean looksUpIsrc() {
        return true;
    }

    /** The tracks Spotify lists for an ISRC (one recording can be on several releases). */
    @Override
    public List<Candidate> byIsrc(String isrc) throws ProviderException {
        return tracks("isrc:" + isrc.strip());
    }

    private List<Candidate> tracks(String q) throws ProviderException {
        URI uri = api.uri("/v1/search", "q", q, "type", "track", "limit", "10");
        String bearer = token();
        HttpResponse<String> answer = search(uri, bearer);
        if (answer.statusCode() == 401) { // revoked or expired before its time: one fresh token, one more try
            forget(bearer);
            answer = search(uri, token());
        }
        return ProviderHttp.each(api.read(answer), "/tracks/items", SpotifyProvider::track);
    }

    private HttpResponse<String> search(URI uri, String bearer) throws ProviderException {
        return api.send(api.request(uri, "Authorization", "Bearer " + bearer).GET().build());
    }

    private static Candidate track(JsonNode track) {
        return new CandidateBuilder(NAME, text(track, "id"))
                .artists(texts(track.path("artists"), "name"))
                .title(text(track, "name"))
                .durationMillis(track.path("duration_ms").asLong())
                .isrc(text(track.path("external_ids"), "isrc"))
                // "day", "month" or "year" precision: the builder keeps a full date or the year.
                .releaseDate(text(track.path("album"), "release_date"))
                .externalId("track")
                .build();
    }

    /** The cached access token, fetched when there is none or it is about to expire. */
    private synchronized String token() throws ProviderException {
        if (token == null || !clock.instant().isBefore(token.refreshAt())) {
            token = fetchToken();
        }
        return token.value();
    }

    /** Drops a token Spotify refused, unless another call has already replaced it. */
    private synchronized void forget(String refused) {
        if (token != null && token.value().equals(refused)) {
            token = null;
        }
    }

    private Token fetchToken() throws ProviderException {
        String credentials = settings.credential("client_id") + ":" + settings.credential("client_secret");
        String basic = Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        Instant asked = clock.instant();
        JsonNode body = accounts.postForm(ProviderHttp.uri(settings.authUrl().orElse(ACCOUNTS), "/api/token"),
                        "grant_type=client_credentials", "Authorization", "Basic " + basic)
                .orElseThrow(() -> new ProviderException(Kind.BAD_RESPONSE, NAME + " token endpoint answered no token"));
        String value = text(body, "access_token");
        long expiresIn = body.path("expires_in").asLong();
        if (value == null || expiresIn <= 0) {
            throw new ProviderException(Kind.BAD_RESPONSE, NAME + " token endpoint answered without access_token or expires_in");
        }
        return new Token(value, asked.plusSeconds(expiresIn).minus(EARLY_REFRESH));
    }

    /**
     * The token endpoint answers a wrong client id or secret with 400 {@code invalid_client}
     * (RFC 6749 §5.2), which is a refused credential, not a malformed request.
     */
    private static boolean oauthError(JsonNode body) throws ProviderException {
        if ("invalid_client".equals(text(body, "error"))) {
            throw new ProviderException(Kind.UNAUTHORIZED, NAME + " token endpoint: invalid_client");
        }
        return false;
    }
}
