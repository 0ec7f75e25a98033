package io.songnodes.scrape.tracklists;

import static org.assertj.core.api.Assertions.assertThat;

import io.songnodes.platform.testkit.SharedFixtures;
import io.songnodes.scrape.Fixtures;
import io.songnodes.scrape.PlaylistPage;
import io.songnodes.schemas.bronze.RawTrackRow;
import io.songnodes.schemas.bronze.ScrapeOutcome;
import java.net.URI;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TracklistPageParserTest {

    private static final URI URL = URI.create("https://www.1001tracklists.com/tracklist/19h6nw7t/sven-vath.html");
    private static final String REAL = "1001tracklists/19h6nw7t-ok.html";
    private static final String OWN = "1001tracklists/set-12-with-ids.html";

    private final TracklistPageParser parser = new TracklistPageParser();

    @Test
    void theRealCaptureHasTwelveRowsAllKeptAsShown() {
        PlaylistPage page = parser.parse(SharedFixtures.read(REAL), URL);
        assertThat(page.outcome()).isEqualTo(ScrapeOutcome.OK);
        assertThat(page.problem()).isEmpty();
        assertThat(page.declaredTrackCount()).contains(12);
        assertThat(page.rows()).hasSize(12).extracting(RawTrackRow::getPosition).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(page.rows()).allSatisfy(r -> assertThat(r.getRawText()).isNotBlank());
        RawTrackRow first = page.rows().get(0);
        assertThat(first.getIsId()).isTrue();
        assertThat(first.getRawText()).isEqualTo("ID - ID");
        assertThat(first.getMicrodataName()).isNull();
        RawTrackRow second = page.rows().get(1);
        assertThat(second.getRawText()).isEqualTo("Alex Bau - Antidot");
        assertThat(second.getMicrodataName()).isEqualTo("Alex Bau - Antidot");
        assertThat(second.getArtistHint()).isEqualTo("Alex Bau");
        assertThat(second.getTitleHint()).isEqualTo("Antidot");
        assertThat(second.getLabelHint()).isEqualTo("COCOON");
        assertThat(second.getIsId()).isFalse();
        assertThat(page.rows().stream().filter(r -> !r.getIsId()))
                .allSatisfy(r -> assertThat(r.getMicrodataName()).as("microdata of row %d", r.getPosition()).isNotBlank());
        assertThat(page.djs()).containsExactly("Sven Väth");
        assertThat(page.playedOn()).contains(LocalDate.of(2024, 10, 12));
        assertThat(page.title()).hasValueSatisfying(t -> assertThat(t).startsWith("Sven Väth @ BBC Radio 1"));
    }

    @Test
    void theRealCaptureWithoutItsRowsIsNeverOk() {
        Document emptied = Jsoup.parse(SharedFixtures.read(REAL));
        emptied.select("div.tlpItem").remove();
        assertThat(parser.parse(emptied.outerHtml(), URL)).satisfies(page -> {
            assertThat(page.outcome()).isEqualTo(ScrapeOutcome.EMPTY_TRACKLIST);
            assertThat(page.problem()).hasValueSatisfying(p -> assertThat(p).contains("declares 12"));
        });
        Document halved = Jsoup.parse(SharedFixtures.read(REAL));
        halved.select("div.tlpItem").subList(6, 12).forEach(Element::remove);
        assertThat(parser.parse(halved.outerHtml(), URL).outcome()).isEqualTo(ScrapeOutcome.COUNT_MISMATCH);
    }

    @Test
    void theProjectsOwnPageCoversTheSameShapes() {
        PlaylistPage page = parser.parse(Fixtures.read(OWN), URL);
        assertThat(page.outcome()).isEqualTo(ScrapeOutcome.OK);
        assertThat(page.declaredTrackCount()).contains(4);
        assertThat(page.rows()).extracting(RawTrackRow::getRawText)
                .containsExactly("Trevino - Sombre Tones", "ID - ID", "Rødhad - Ø (Dettmann Remix)", "Planetary Assault Systems - Temporary Suspension");
        assertThat(page.rows()).extracting(RawTrackRow::getCue).containsExactly("0:00", "6:10", "12:45", null);
        assertThat(page.rows()).extracting(RawTrackRow::getIsId).containsExactly(false, true, false, false);
        assertThat(page.rows().get(2).getTitleHint()).isEqualTo("Ø (Dettmann Remix)");
        assertThat(page.venue()).contains("Berghain, Berlin, Germany");
        Document emptied = Jsoup.parse(Fixtures.read(OWN));
        emptied.select("div.tlpItem").remove();
        assertThat(parser.parse(emptied.outerHtml(), URL).outcome()).isEqualTo(ScrapeOutcome.EMPTY_TRACKLIST);
    }

    @Test
    void aShellPageIsAShellPageNotAnEmptySet() {
        PlaylistPage page = parser.parse(Fixtures.read("1001tracklists/shell.html"), URL);
        assertThat(page.outcome()).isEqualTo(ScrapeOutcome.SHELL_PAGE);
        assertThat(page.problem()).hasValueSatisfying(p -> assertThat(p).contains("#tlTab"));
    }

    @Test
    void visibleNamesThatDisagreeWithTheMicrodataOnMostRowsAreASuspectedDecoy() {
        Document decoy = Jsoup.parse(Fixtures.read(OWN));
        decoy.select("div.tlpItem[data-isided] .trackValue").forEach(v -> v.text("Rick Astley - Never Gonna Give You Up"));
        PlaylistPage page = parser.parse(decoy.outerHtml(), URL);
        assertThat(page.outcome()).isEqualTo(ScrapeOutcome.DECOY_SUSPECTED);
        assertThat(page.problem()).hasValueSatisfying(p -> assertThat(p).contains("3 of 3 rows"));
        assertThat(page.rows()).hasSize(4);
    }
}
