package io.songnodes.enrich.providers;

import static io.songnodes.enrich.TrackField.DURATION;
import static io.songnodes.enrich.TrackField.EXTERNAL_IDS;
import static io.songnodes.enrich.TrackField.GENRE;
import static io.songnodes.enrich.TrackField.RELEASE_DATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.songnodes.enrich.TrackQuery;
import io.songnodes.enrich.providers.ReplayServer.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ItunesProviderTest {

    private static final TrackQuery QUERY = ProviderFailuresTest.QUERY;

    private final ReplayServer server = ReplayServer.start();
    private final ItunesProvider provider = new ItunesProvider(server.settings("itunes", Map.of()), ReplayServer.CLIENT);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void searchGivesEverySongWithGenreAndReleaseDay() throws Exception {
        server.on("/search", Reply.json("itunes/search.json"));

        assertThat(provider.search(QUERY)).containsExactly(
                new Candidate("itunes", "1460712211", List.of("Dax J"), "Reign Of Terror", 412,
                        Map.of(GENRE, "Techno", RELEASE_DATE, "2019-05-17", DURATION, "412", EXTERNAL_IDS, "itunes:track:1460712211")),
                new Candidate("itunes", "1506114318", List.of("Dax J & Rebekah"), "Reign Of Terror (Rebekah Remix)", 377,
                        Map.of(GENRE, "Electronic", RELEASE_DATE, "2020-04-10", DURATION, "377", EXTERNAL_IDS, "itunes:track:1506114318")));
    }

    @Test
    void searchSendsArtistAndTitleAsOneTermForSongs() throws Exception {
        server.on("/search", Reply.json("itunes/search-empty.json"));
        TrackQuery remix = new TrackQuery("k", List.of("Dax J"), "Reign Of Terror", "Rebekah Remix", List.of("Rebekah"), null);

        provider.search(remix);

        ReplayServer.Request sent = server.only("/search");
        assertThat(sent.rawQuery()).isEqualTo("term=Dax%20J%20Reign%20Of%20Terror%20%28Rebekah%20Remix%29&entity=song&media=music&limit=10");
        assertThat(sent.header("User-Agent")).isEqualTo(ReplayServer.USER_AGENT);
    }

    @Test
    void noResultsIsAnEmptyList() throws Exception {
        server.on("/search", Reply.json("itunes/search-empty.json"));

        assertThat(provider.search(QUERY)).isEmpty();
    }

    @Test
    void declaresTheFieldsItFills() {
        assertThat(provider.name()).isEqualTo("itunes");
        assertThat(provider.fields()).containsExactlyInAnyOrder(GENRE, RELEASE_DATE, DURATION, EXTERNAL_IDS);
    }
}
