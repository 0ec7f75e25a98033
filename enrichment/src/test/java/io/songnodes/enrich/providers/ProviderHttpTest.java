package io.songnodes.enrich.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.songnodes.enrich.providers.ProviderException.Kind;
import io.songnodes.enrich.providers.ReplayServer.Reply;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderHttpTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final ReplayServer server = ReplayServer.start();
    private final ProviderHttp http = new ProviderHttp(server.settings("test", Map.of()), ReplayServer.CLIENT,
            ProviderHttp.Errors.NONE, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answers200WithTheParsedBodyAndSendsUserAgentAndEncodedQuery() throws Exception {
        server.on("/api/thing", Reply.status(200, "{\"name\":\"Reign Of Terror\"}"));

        Optional<JsonNode> body = http.get(http.uri("/api/thing", "q", "Dax J & \"Rebekah\" +é", "limit", "10"),
                "X-Extra", "yes");

        assertThat(body).hasValueSatisfying(b -> assertThat(b.path("name").asText()).isEqualTo("Reign Of Terror"));
        ReplayServer.Request sent = server.only("/api/thing");
        assertThat(sent.rawQuery()).isEqualTo("q=Dax%20J%20%26%20%22Rebekah%22%20%2B%C3%A9&limit=10");
        assertThat(sent.param("q")).isEqualTo("Dax J & \"Rebekah\" +é");
        assertThat(sent.header("User-Agent")).isEqualTo(ReplayServer.USER_AGENT);
        assertThat(sent.header("Accept")).isEqualTo("application/json");
        assertThat(sent.header("X-Extra")).isEqualTo("yes");
    }

    @Test
    void baseUrlWithATrailingSlashGivesNoDoubleSlash() {
        assertThat(ProviderHttp.uri(URI.create("https://api.example.org/"), "/search", "q", "a"))
                .hasToString("https://api.example.org/search?q=a");
    }

    @ParameterizedTest
    @CsvSource({"401, UNAUTHORIZED", "403, UNAUTHORIZED", "400, BAD_RESPONSE", "404, BAD_RESPONSE", "410, BAD_RESPONSE",
            "500, UNAVAILABLE", "502, UNAVAILABLE", "503, UNAVAILABLE"})
    void mapsStatuses(int status, Kind kind) {
        server.on("/api/thing", Reply.status(status, "{\"error\":\"no\"}"));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> http.get(http.uri("/api/thing")));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).contains("test GET /api/thing answered HTTP " + status);
    }

    @Test
    void lookupTakes404AsNothingFound() throws Exception {
        server.on("/api/thing/1", Reply.status(404, "{\"error\":\"Not Found\"}"));

        assertThat(http.lookup(http.uri("/api/thing/1"))).isEmpty();
    }

    @Test
    void rateLimitedWithRetryAfterInSeconds() {
        server.on("/api/thing", Reply.status(429, "").header("Retry-After", "7"));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> http.get(http.uri("/api/thing")));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.retryable()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Wed, 25 Nov 2026 10:00:30 GMT | PT30S",
            "Wed, 25 Nov 2026 09:59:00 GMT | PT0S",
            "soon                          | "})
    void rateLimitedWithRetryAfterAsHttpDate(String header, Duration expected) {
        server.on("/api/thing", Reply.status(429, "").header("Retry-After", header));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> http.get(http.uri("/api/thing")));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void aBodyThatIsNotJsonIsABadResponse() {
        server.on("/api/thing", Reply.status(200, "<html><body>Service moved</body></html>"));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> http.get(http.uri("/api/thing")));

        assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
    }

    @Test
    void aBodyErrorDecidesBeforeTheStatus() throws Exception {
        ProviderHttp withErrors = new ProviderHttp(server.settings("test", Map.of()), ReplayServer.CLIENT,
                body -> body.path("error").asInt() == 6);
        server.on("/api/thing", Reply.status(200, "{\"error\":6}"));
        server.on("/api/other", Reply.status(400, "{\"error\":6}"));

        assertThat(withErrors.get(withErrors.uri("/api/thing"))).isEmpty();
        assertThat(withErrors.get(withErrors.uri("/api/other"))).isEmpty();
    }

    @Test
    void aTimeoutIsUnavailable() {
        ProviderSettings impatient = new ProviderSettings("test", server.baseUrl(), Optional.empty(), ReplayServer.USER_AGENT,
                Duration.ofMillis(100), Map.of());
        server.on("/api/slow", Reply.status(200, "{}").after(Duration.ofMillis(400)));

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> new ProviderHttp(impatient, ReplayServer.CLIENT, ProviderHttp.Errors.NONE).get(server.baseUrl().resolve("/api/slow")));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("TimeoutException");
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> http.get(URI.create("http://127.0.0.1:" + closedPort + "/api/thing")));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void messagesNameThePathButNotTheQueryString() {
        server.on("/2.0/", Reply.status(503, ""));

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> http.get(http.uri("/2.0/", "api_key", "k3y-that-must-not-leak")));

        assertThat(e.getMessage()).isEqualTo("test GET /2.0/ answered HTTP 503");
    }
}
