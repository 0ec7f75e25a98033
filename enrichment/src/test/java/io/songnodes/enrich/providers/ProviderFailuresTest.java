package io.songnodes.enrich.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.songnodes.enrich.TrackQuery;
import io.songnodes.enrich.providers.ProviderException.Kind;
import io.songnodes.enrich.providers.ReplayServer.Reply;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every provider does when its API throttles or is down: the same kinds, whatever the API. */
class ProviderFailuresTest {

    static final TrackQuery QUERY = new TrackQuery("dax j|reign of terror", List.of("Dax J"), "Reign Of Terror", null, List.of(), null);

    /** Each provider, the path its search calls, and its credentials (which no error message may carry). */
    static Stream<Arguments> providers() {
        return Stream.of(
                Arguments.of("musicbrainz", "/ws/2/recording", Map.of(), (BiFunction<ProviderSettings, HttpClient, MetadataProvider>) MusicBrainzProvider::new),
                Arguments.of("deezer", "/search", Map.of(), (BiFunction<ProviderSettings, HttpClient, MetadataProvider>) DeezerProvider::new),
                Arguments.of("itunes", "/search", Map.of(), (BiFunction<ProviderSettings, HttpClient, MetadataProvider>) ItunesProvider::new),
                Arguments.of("spotify", "/v1/search", Map.of("client_id", "songnodes-client", "client_secret", "s3cr3t-value"),
                        (BiFunction<ProviderSettings, HttpClient, MetadataProvider>) SpotifyProvider::new),
                Arguments.of("lastfm", "/2.0/", Map.of("api_key", "0123456789abcdef0123456789abcdef"),
                        (BiFunction<ProviderSettings, HttpClient, MetadataProvider>) LastFmProvider::new),
                Arguments.of("discogs", "/database/search", Map.of("token", "dGhpcy1pcy1ub3QtYS1yZWFsLXRva2Vu"),
                        (BiFunction<ProviderSettings, HttpClient, MetadataProvider>) DiscogsProvider::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void tooManyRequestsIsRateLimitedForRetryAfter(String name, String path, Map<String, String> credentials,
                                                   BiFunction<ProviderSettings, HttpClient, MetadataProvider> client) {
        try (ReplayServer server = ReplayServer.start()) {
            server.on("/api/token", Reply.json("spotify/token.json"));
            server.on(path, Reply.status(429, "").header("Retry-After", "7"));

            ProviderException e = catchThrowableOfType(ProviderException.class,
                    () -> client.apply(server.settings(name, credentials), ReplayServer.CLIENT).search(QUERY));

            assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void serviceUnavailableIsUnavailableAndNoCredentialIsInTheMessage(String name, String path, Map<String, String> credentials,
                                                                       BiFunction<ProviderSettings, HttpClient, MetadataProvider> client) {
        try (ReplayServer server = ReplayServer.start()) {
            server.on("/api/token", Reply.json("spotify/token.json"));
            server.on(path, Reply.status(503, ""));

            ProviderException e = catchThrowableOfType(ProviderException.class,
                    () -> client.apply(server.settings(name, credentials), ReplayServer.CLIENT).search(QUERY));

            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            credentials.values().forEach(secret -> assertThat(e.getMessage()).doesNotContain(secret));
        }
    }
}
