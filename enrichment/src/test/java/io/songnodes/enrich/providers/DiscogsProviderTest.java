package io.songnodes.enrich.providers;

import static io.songnodes.enrich.TrackField.CATALOG_NUMBER;
import static io.songnodes.enrich.TrackField.EXTERNAL_IDS;
import static io.songnodes.enrich.TrackField.GENRE;
import static io.songnodes.enrich.TrackField.LABEL;
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

class DiscogsProviderTest {

    private static final TrackQuery QUERY = ProviderFailuresTest.QUERY;
    private static final String TOKEN = "dGhpcy1pcy1ub3QtYS1yZWFsLXRva2Vu";

    private final ReplayServer server = ReplayServer.start();
    private final DiscogsProvider provider = new DiscogsProvider(server.settings("discogs", Map.of("token", TOKEN)), ReplayServer.CLIENT);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void searchGivesEveryReleaseWithArtistAndTitleSplitFromItsTitle() throws Exception {
        server.on("/database/search", Reply.json("discogs/search.json"));

        assertThat(provider.search(QUERY)).containsExactly(
                new Candidate("discogs", "13527841", List.of("Dax J"), "Reign Of Terror", null,
                        Map.of(LABEL, "Monnom Black", CATALOG_NUMBER, "MONNOM BLACK 017", GENRE, "Techno", RELEASE_DATE, "2019",
                                EXTERNAL_IDS, "discogs:release:13527841")),
                // Split at the first " - " only; Discogs' "(2)" for a same-named artist dropped; no style: the genre.
                new Candidate("discogs", "15102236", List.of("Dax J"), "Reign Of Terror - The Remixes", null,
                        Map.of(LABEL, "Monnom Black", CATALOG_NUMBER, "MONNOM BLACK 017RMX", GENRE, "Electronic", RELEASE_DATE, "2020",
                                EXTERNAL_IDS, "discogs:release:15102236")),
                // No label, catalogue number "none", no year.
                new Candidate("discogs", "16800457", List.of("Various"), "Reign Of Terror", null,
                        Map.of(GENRE, "Electronic", EXTERNAL_IDS, "discogs:release:16800457")));
    }

    @Test
    void searchSendsTheTokenHeaderAndAReleaseQuery() throws Exception {
        server.on("/database/search", Reply.json("discogs/search-empty.json"));

        provider.search(QUERY);

        ReplayServer.Request sent = server.only("/database/search");
        assertThat(sent.header("Authorization")).isEqualTo("Discogs token=" + TOKEN);
        assertThat(sent.params()).isEqualTo(Map.of("q", "Dax J - Reign Of Terror", "type", "release", "per_page", "10"));
        assertThat(sent.rawQuery()).doesNotContain(TOKEN);
        assertThat(sent.header("User-Agent")).isEqualTo(ReplayServer.USER_AGENT);
    }

    @Test
    void noResultsIsAnEmptyList() throws Exception {
        server.on("/database/search", Reply.json("discogs/search-empty.json"));

        assertThat(provider.search(QUERY)).isEmpty();
    }

    @Test
    void aRefusedTokenIsUnauthorizedAndNotInTheMessage() {
        server.on("/database/search", Reply.status(401, ReplayServer.payload("discogs/unauthorized.json")));

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> provider.search(QUERY));

        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void declaresTheFieldsItFills() {
        assertThat(provider.name()).isEqualTo("discogs");
        assertThat(provider.fields()).containsExactlyInAnyOrder(LABEL, CATALOG_NUMBER, GENRE, RELEASE_DATE, EXTERNAL_IDS);
    }
}
