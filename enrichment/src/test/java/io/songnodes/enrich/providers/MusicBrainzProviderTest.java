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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MusicBrainzProviderTest {

    private static final TrackQuery QUERY = ProviderFailuresTest.QUERY;
    private static final String RECORDING = "3f6a8d2c-7b41-4e0a-9c55-1d2e8b7a6f90";
    private static final Candidate REIGN_OF_TERROR = new Candidate("musicbrainz", RECORDING, List.of("Dax J"), "Reign Of Terror", 412,
            Map.of(ISRC, "GBKQU1901203", RELEASE_DATE, "2019-05-17", DURATION, "412", EXTERNAL_IDS, "musicbrainz:recording:" + RECORDING));

    private final ReplayServer server = ReplayServer.start();
    private final MusicBrainzProvider provider = new MusicBrainzProvider(server.settings("musicbrainz", Map.of()), ReplayServer.CLIENT);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void searchGivesEveryRecordingInMusicBrainzOrder() throws Exception {
        server.on("/ws/2/recording", Reply.json("musicbrainz/recording-search.json"));

        List<Candidate> candidates = provider.search(QUERY);

        assertThat(candidates).hasSize(3);
        assertThat(candidates.get(0)).isEqualTo(REIGN_OF_TERROR);
        // No length: no duration; a month-precision first release: the year.
        assertThat(candidates.get(1)).isEqualTo(new Candidate("musicbrainz", "7c2d9e4b-58a1-4f6e-a0b3-c9d8e7f6a5b4", List.of("Dax J"),
                "Reign Of Terror (edit)", null,
                Map.of(RELEASE_DATE, "2020", EXTERNAL_IDS, "musicbrainz:recording:7c2d9e4b-58a1-4f6e-a0b3-c9d8e7f6a5b4")));
        assertThat(candidates.get(2).artists()).containsExactly("Stellan Vire", "Mara Kos");
        assertThat(candidates.get(2).fields()).containsOnlyKeys(DURATION, EXTERNAL_IDS).containsEntry(DURATION, "389");
    }

    @Test
    void searchSendsALuceneQueryWithEscapedPhrases() throws Exception {
        server.on("/ws/2/recording", Reply.json("musicbrainz/recording-search-empty.json"));
        TrackQuery remix = new TrackQuery("k", List.of("Dax J", "Rebekah"), "Reign \"Of\" Terror", "Rebekah Remix", List.of("Rebekah"), null);

        provider.search(remix);

        ReplayServer.Request sent = server.only("/ws/2/recording");
        assertThat(sent.param("query"))
                .isEqualTo("artist:\"Dax J & Rebekah\" AND recording:\"Reign \\\"Of\\\" Terror (Rebekah Remix)\"");
        assertThat(sent.param("fmt")).isEqualTo("json");
        assertThat(sent.param("limit")).isEqualTo("10");
        assertThat(sent.rawQuery()).doesNotContain(" ", "\"").contains("%26", "%22", "%5C");
        assertThat(sent.header("User-Agent")).isEqualTo(ReplayServer.USER_AGENT);
    }

    @Test
    void noRecordingsIsAnEmptyList() throws Exception {
        server.on("/ws/2/recording", Reply.json("musicbrainz/recording-search-empty.json"));

        assertThat(provider.search(QUERY)).isEmpty();
    }

    @Test
    void isrcLookupAsksForArtistsAndIsrcs() throws Exception {
        server.on("/ws/2/isrc/GBKQU1901203", Reply.json("musicbrainz/isrc.json"));

        assertThat(provider.byIsrc("GBKQU1901203")).containsExactly(REIGN_OF_TERROR);
        ReplayServer.Request sent = server.only("/ws/2/isrc/GBKQU1901203");
        assertThat(sent.param("fmt")).isEqualTo("json");
        assertThat(sent.param("inc")).isEqualTo("artists isrcs");
    }

    @Test
    void anUnknownIsrcIsAnEmptyListButA404FromSearchIsNot() throws Exception {
        server.on("/ws/2/isrc/GBKQU9999999", Reply.status(404, ReplayServer.payload("musicbrainz/not-found.json")));

        assertThat(provider.byIsrc("GBKQU9999999")).isEmpty();
        // No route for search here: its 404 means a wrong base URL, not "no recordings".
        assertThat(catchThrowableOfType(ProviderException.class, () -> provider.search(QUERY)).kind()).isEqualTo(Kind.BAD_RESPONSE);
    }

    @Test
    void declaresTheFieldsItFills() {
        assertThat(provider.name()).isEqualTo("musicbrainz");
        assertThat(provider.fields()).containsExactlyInAnyOrder(ISRC, RELEASE_DATE, DURATION, EXTERNAL_IDS);
    }
}
