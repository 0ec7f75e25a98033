package io.songnodes.enrich.providers;

import static io.songnodes.enrich.TrackField.DURATION;
import static io.songnodes.enrich.TrackField.GENRE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.songnodes.enrich.TrackQuery;
import io.songnodes.enrich.providers.ProviderException.Kind;
import io.songnodes.enrich.providers.ReplayServer.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LastFmProviderTest {

    private static final TrackQuery QUERY = ProviderFailuresTest.QUERY;
    private static final String API_KEY = "0123456789abcdef0123456789abcdef";

    private final ReplayServer server = ReplayServer.start();
    private final LastFmProvider provider = new LastFmProvider(server.settings("lastfm", Map.of("api_key", API_KEY)), ReplayServer.CLIENT);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void trackInfoGivesOneCandidateWithTheTopTagAsGenre() throws Exception {
        server.on("/2.0/", Reply.json("lastfm/track.json"));

        assertThat(provider.search(QUERY)).containsExactly(new Candidate("lastfm", "https://www.last.fm/music/Dax+J/_/Reign+Of+Terror",
                List.of("Dax J"), "Reign Of Terror", 412, Map.of(GENRE, "techno", DURATION, "412")));
        ReplayServer.Request sent = server.only("/2.0/");
        assertThat(sent.params()).isEqualTo(Map.of("method", "track.getInfo", "api_key", API_KEY, "artist", "Dax J",
                "track", "Reign Of Terror", "autocorrect", "1", "format", "json"));
        assertThat(sent.header("User-Agent")).isEqualTo(ReplayServer.USER_AGENT);
    }

    @Test
    void aSingleTagComesAsAnObjectAndAZeroDurationIsUnknown() throws Exception {
        server.on("/2.0/", Reply.json("lastfm/track-one-tag.json"));

        Candidate candidate = provider.search(QUERY).get(0);

        assertThat(candidate.fields()).isEqualTo(Map.of(GENRE, "Hard Techno"));
        assertThat(candidate.durationSeconds()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 400, 404})
    void trackNotFoundIsAnEmptyListWhateverTheStatus(int status) throws Exception {
        server.on("/2.0/", Reply.status(status, ReplayServer.payload("lastfm/track-not-found.json")));

        assertThat(provider.search(QUERY)).isEmpty();
    }

    @Test
    void error29IsRateLimited() {
        server.on("/2.0/", Reply.json("lastfm/rate-limit-exceeded.json"));

        assertThat(catchThrowableOfType(ProviderException.class, () -> provider.search(QUERY)).kind()).isEqualTo(Kind.RATE_LIMITED);
    }

    @Test
    void anInvalidKeyIsUnauthorizedAndNotInTheMessage() {
        server.on("/2.0/", Reply.status(403, ReplayServer.payload("lastfm/invalid-api-key.json")));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> provider.search(QUERY));

        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).doesNotContain(API_KEY);
    }

    @Test
    void temporaryErrorsAreUnavailableAndOthersBadResponses() {
        server.on("/2.0/", Reply.status(200, "{\"error\":16,\"message\":\"There was a temporary error processing your request. Please try again\",\"links\":[]}"));
        assertThat(catchThrowableOfType(ProviderException.class, () -> provider.search(QUERY)).kind()).isEqualTo(Kind.UNAVAILABLE);

        server.on("/2.0/", Reply.status(400, "{\"error\":3,\"message\":\"Invalid Method - No method with that name in this package\",\"links\":[]}"));
        assertThat(catchThrowableOfType(ProviderException.class, () -> provider.search(QUERY)).kind()).isEqualTo(Kind.BAD_RESPONSE);
    }

    @Test
    void declaresTheFieldsItFills() {
        assertThat(provider.name()).isEqualTo("lastfm");
        assertThat(provider.fields()).containsExactlyInAnyOrder(GENRE, DURATION);
    }
}
