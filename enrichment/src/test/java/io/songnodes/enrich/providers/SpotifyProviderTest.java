package io.songnodes.enrich.providers;

import static io.songnodes.enrich.TrackField.DURATION;
import static io.songnodes.enrich.TrackField.EXTERNAL_IDS;
import static io.songnodes.enrich.TrackField.ISRC;
import static io.songnodes.enrich.TrackField.RELEASE_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.songnodes.enrich.TrackQuery;
import io.songnodes.enrich.providers.ProviderException.Kind;
import io.songnodes.enrich.providers.ReplayServer.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpotifyProviderTest {

    private static final TrackQuery QUERY = ProviderFailuresTest.QUERY;
    private static final Map<String, String> CREDENTIALS = Map.of("client_id", "songnodes-client", "client_secret", "s3cr3t-value");
    /** base64("songnodes-client:s3cr3t-value"), worked out independently of the code under test. */
    private static final String BASIC = "Basic c29uZ25vZGVzLWNsaWVudDpzM2NyM3QtdmFsdWU=";
    private static final String FIRST = "Bearer BQC4YqJg3ZsWx1example-first-token-Rt7nVm2";
    private static final String SECOND = "Bearer BQDa81Kp0LmQe9example-second-token-Xc3wPz6";

    /** A clock the test moves on. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private final ReplayServer server = ReplayServer.start();
    private final TestClock clock = new TestClock();
    private final SpotifyProvider provider = new SpotifyProvider(server.settings("spotify", CREDENTIALS), ReplayServer.CLIENT, clock);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void searchGivesEveryTrackWithIsrcAndReleaseDate() throws Exception {
        server.on("/api/token", Reply.json("spotify/token.json"));
        server.on("/v1/search", Reply.json("spotify/search.json"));

        List<Candidate> candidates = provider.search(QUERY);

        assertThat(candidates).containsExactly(
                new Candidate("spotify", "6Zq1dLtrVXcHqKZ7c3pW9e", List.of("Dax J"), "Reign Of Terror", 412,
                        Map.of(ISRC, "GBKQU1901203", RELEASE_DATE, "2019-05-17", DURATION, "412",
                                EXTERNAL_IDS, "spotify:track:6Zq1dLtrVXcHqKZ7c3pW9e")),
                // A month-precision album date gives the year.
                new Candidate("spotify", "3hJ8kL1mN4bV6cX9zQ2wEr", List.of("Dax J", "Rebekah"), "Reign Of Terror - Rebekah Remix", 377,
                        Map.of(ISRC, "GBKQU2000488", RELEASE_DATE, "2020", DURATION, "377",
                                EXTERNAL_IDS, "spotify:track:3hJ8kL1mN4bV6cX9zQ2wEr")));
        ReplayServer.Request search = server.only("/v1/search");
        assertThat(search.param("q")).isEqualTo("track:\"Reign Of Terror\" artist:\"Dax J\"");
        assertThat(search.param("type")).isEqualTo("track");
        assertThat(search.param("limit")).isEqualTo("10");
        assertThat(search.header("Authorization")).isEqualTo(FIRST);
        assertThat(search.header("User-Agent")).isEqualTo(ReplayServer.USER_AGENT);
    }

    @Test
    void theTokenIsAskedForWithClientCredentialsOnceAndReused() throws Exception {
        server.on("/api/token", Reply.json("spotify/token.json"));
        server.on("/v1/search", Reply.json("spotify/search.json"));

        provider.search(QUERY);
        clock.advance(Duration.ofSeconds(3539));
        provider.byIsrc("GBKQU1901203");

        ReplayServer.Request token = server.only("/api/token");
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.body()).isEqualTo("grant_type=client_credentials");
        assertThat(token.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(token.header("Authorization")).isEqualTo(BASIC);
        assertThat(token.header("User-Agent")).isEqualTo(ReplayServer.USER_AGENT);
        assertThat(server.requests("/v1/search")).extracting(r -> r.header("Authorization")).containsExactly(FIRST, FIRST);
    }

    @Test
    void theTokenIsRenewedAMinuteBeforeItExpires() throws Exception {
        server.on("/api/token", Reply.json("spotify/token.json"), Reply.json("spotify/token-renewed.json"));
        server.on("/v1/search", Reply.json("spotify/search.json"));

        provider.search(QUERY);
        clock.advance(Duration.ofSeconds(3540));
        provider.search(QUERY);

        assertThat(server.requests("/api/token")).hasSize(2);
        assertThat(server.requests("/v1/search")).extracting(r -> r.header("Authorization")).containsExactly(FIRST, SECOND);
    }

    @Test
    void a401RenewsTheTokenAndTriesOnceMore() throws Exception {
        server.on("/api/token", Reply.json("spotify/token.json"), Reply.json("spotify/token-renewed.json"));
        server.on("/v1/search", Reply.status(401, ReplayServer.payload("spotify/token-expired.json")), Reply.json("spotify/search.json"));

        assertThat(provider.search(QUERY)).hasSize(2);
        assertThat(server.requests("/api/token")).hasSize(2);
        assertThat(server.requests("/v1/search")).extracting(r -> r.header("Authorization")).containsExactly(FIRST, SECOND);

        provider.search(QUERY);
        assertThat(server.requests("/api/token")).as("the renewed token is kept").hasSize(2);
    }

    @Test
    void a401ForTheRenewedTokenTooIsUnauthorized() {
        server.on("/api/token", Reply.json("spotify/token.json"), Reply.json("spotify/token-renewed.json"));
        server.on("/v1/search", Reply.status(401, ReplayServer.payload("spotify/token-expired.json")));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> provider.search(QUERY));

        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(server.requests("/v1/search")).hasSize(2);
    }

    @Test
    void aRefusedClientSecretIsUnauthorizedAndNotInTheMessage() {
        server.on("/api/token", Reply.status(400, ReplayServer.payload("spotify/invalid-client.json")));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> provider.search(QUERY));

        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).doesNotContain("s3cr3t-value", "c29uZ25vZGVz");
        assertThat(server.requests("/v1/search")).isEmpty();
    }

    @Test
    void byIsrcSearchesTheIsrcField() throws Exception {
        server.on("/api/token", Reply.json("spotify/token.json"));
        server.on("/v1/search", Reply.json("spotify/search.json"));

        assertThat(provider.byIsrc("GBKQU1901203")).extracting(Candidate::id).startsWith("6Zq1dLtrVXcHqKZ7c3pW9e");
        assertThat(server.only("/v1/search").param("q")).isEqualTo("isrc:GBKQU1901203");
    }

    @Test
    void noTracksIsAnEmptyList() throws Exception {
        server.on("/api/token", Reply.json("spotify/token.json"));
        server.on("/v1/search", Reply.json("spotify/search-empty.json"));

        assertThat(provider.search(QUERY)).isEmpty();
    }

    @Test
    void declaresTheFieldsItFills() {
        assertThat(provider.name()).isEqualTo("spotify");
        assertThat(provider.fields()).containsExactlyInAnyOrder(ISRC, RELEASE_DATE, DURATION, EXTERNAL_IDS);
    }
}
