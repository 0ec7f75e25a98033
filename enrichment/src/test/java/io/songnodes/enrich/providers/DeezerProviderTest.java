package io.songnodes.enrich.providers;

import static io.songnodes.enrich.TrackField.BPM;
import static io.songnodes.enrich.TrackField.DURATION;
import static io.songnodes.enrich.TrackField.EXTERNAL_IDS;
import static io.songnodes.enrich.TrackField.ISRC;
import static io.songnodes.enrich.TrackField.RELEASE_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.songnodes.enrich.TrackQuery;
import io.songnodes.enrich.providers.ProviderException.Kind;
import io.songnodes.enrich.providers.ReplayServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeezerProviderTest {

    private static final TrackQuery QUERY = ProviderFailuresTest.QUERY;
    private static final Candidate ORIGINAL = new Candidate("deezer", "681234512", List.of("Dax J"), "Reign Of Terror", 412,
            Map.of(DURATION, "412", EXTERNAL_IDS, "deezer:track:681234512"));

    private final ReplayServer server = ReplayServer.start();
    private final DeezerProvider provider = new DeezerProvider(server.settings("deezer", Map.of()), ReplayServer.CLIENT);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void searchGivesEveryTrackInDeezerOrder() throws Exception {
        server.on("/search", Reply.json("deezer/search.json"));

        assertThat(provider.search(QUERY)).containsExactly(ORIGINAL,
                new Candidate("deezer", "902117354", List.of("Dax J"), "Reign Of Terror (Rebekah Remix)", 377,
                        Map.of(DURATION, "377", EXTERNAL_IDS, "deezer:track:902117354")));
        ReplayServer.Request sent = server.only("/search");
        assertThat(sent.param("q")).isEqualTo("artist:\"Dax J\" track:\"Reign Of Terror\"");
        assertThat(sent.param("limit")).isEqualTo("10");
        assertThat(sent.header("User-Agent")).isEqualTo(ReplayServer.USER_AGENT);
    }

    @Test
    void noTracksIsAnEmptyList() throws Exception {
        server.on("/search", Reply.json("deezer/search-empty.json"));

        assertThat(provider.search(QUERY)).isEmpty();
    }

    @Test
    void completeAddsIsrcBpmAndReleaseDateFromTheTrack() throws Exception {
        server.on("/track/681234512", Reply.json("deezer/track.json"));

        assertThat(provider.complete(ORIGINAL)).isEqualTo(new Candidate("deezer", "681234512", List.of("Dax J"), "Reign Of Terror", 412,
                Map.of(ISRC, "GBKQU1901203", BPM, "126.0", RELEASE_DATE, "2019-05-17", DURATION, "412",
                        EXTERNAL_IDS, "deezer:track:681234512")));
        assertThat(server.only("/track/681234512").header("User-Agent")).isEqualTo(ReplayServer.USER_AGENT);
    }

    @Test
    void aBpmOfZeroIsLeftOut() throws Exception {
        server.on("/track/902117354", Reply.json("deezer/track-no-bpm.json"));
        Candidate remix = new Candidate("deezer", "902117354", List.of("Dax J"), "Reign Of Terror (Rebekah Remix)", 377, Map.of());

        Candidate completed = provider.complete(remix);

        assertThat(completed.fields()).doesNotContainKey(BPM)
                .containsEntry(ISRC, "GBKQU2000488").containsEntry(RELEASE_DATE, "2020-04-10");
    }

    @Test
    void quotaErrorInA200IsRateLimitedForDeezersWindow() {
        server.on("/search", Reply.json("deezer/quota-exceeded.json"));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> provider.search(QUERY));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
    }

    @Test
    void noDataIsNothingFound() throws Exception {
        server.on("/search", Reply.json("deezer/no-data.json"));
        server.on("/track/681234512", Reply.json("deezer/no-data.json"));

        assertThat(provider.search(QUERY)).isEmpty();
        assertThat(provider.complete(ORIGINAL)).isEqualTo(ORIGINAL);
    }

    @Test
    void otherErrorCodesAreBadResponsesAndServiceBusyIsUnavailable() {
        server.on("/search", Reply.status(200, "{\"error\":{\"type\":\"InvalidQueryException\",\"message\":\"Invalid query\",\"code\":600}}"));
        assertThat(catchThrowableOfType(ProviderException.class, () -> provider.search(QUERY)).kind()).isEqualTo(Kind.BAD_RESPONSE);

        server.on("/search", Reply.status(200, "{\"error\":{\"type\":\"Exception\",\"message\":\"Service busy\",\"code\":700}}"));
        assertThat(catchThrowableOfType(ProviderException.class, () -> provider.search(QUERY)).kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void declaresTheFieldsItFills() {
        assertThat(provider.name()).isEqualTo("deezer");
        assertThat(provider.fields()).containsExactlyInAnyOrder(ISRC, BPM, RELEASE_DATE, DURATION, EXTERNAL_IDS);
    }
}
