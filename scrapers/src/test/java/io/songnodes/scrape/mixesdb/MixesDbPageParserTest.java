package io.songnodes.scrape.mixesdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.songnodes.platform.testkit.CsvRows;
import io.songnodes.platform.testkit.SharedFixtures;
import io.songnodes.scrape.Fixtures;
import io.songnodes.scrape.PlaylistPage;
import io.songnodes.schemas.bronze.RawTrackRow;
import io.songnodes.schemas.bronze.ScrapeOutcome;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MixesDbPageParserTest {

    private final MixesDbPageParser parser = new MixesDbPageParser();

    @Test
    void readsTheApiAnswerRowByRowWithCuesSectionsAndUnknowns() {
        PlaylistPage page = parser.parseApi(Fixtures.read("mixesdb/api-parse.json"));
        assertThat(page.outcome()).isEqualTo(ScrapeOutcome.OK);
        assertThat(page.playedOn()).contains(LocalDate.of(2017, 10, 22));
        assertThat(page.djs()).containsExactly("Ben Klock", "Marcel Dettmann");
        assertThat(page.venue()).contains("Awakenings x Klockworks, Gashouder, ADE");
        assertThat(page.tracklistState()).contains("complete");
        assertThat(page.categories()).contains("Tracklist: complete");
        assertThat(page.rows()).extracting(RawTrackRow::getRawText).containsExactly(
                "Trevino - Sombre Tones [Klockworks - KW 20]",
                "Emmanuel Top - Revision 02 [Attack - ET 002]",
                "?",
                "Cisco Ferreira & Colin Mcbean - ?",
                "Ø [Phase] - Binary Opposition (Ben Klock Process) [Token - TOKEN 1]",
                "Tiesto vs. Oasis - Wonderwall");
        assertThat(page.rows()).extracting(RawTrackRow::getCue).containsExactly("000", "07", "??", "1:07:30", null, null);
        assertThat(page.rows()).extracting(RawTrackRow::getSection).containsExactly("Part 1", "Part 1", "Part 1", "Part 1", "Part 2", "Part 2");
        assertThat(page.rows()).extracting(RawTrackRow::getIsId).containsExactly(false, false, true, false, false, false);
    }

    @Test
    void fallsBackToTheRenderedPage() {
        PlaylistPage page = parser.parseHtml(Fixtures.read("mixesdb/rendered.html"));
        assertThat(page.outcome()).isEqualTo(ScrapeOutcome.OK);
        assertThat(page.tracklistState()).contains("incomplete");
        assertThat(page.rows()).extracting(RawTrackRow::getRawText)
                .containsExactly("Trevino - Sombre Tones [Klockworks - KW 20]", "?", "Emmanuel Top - Revision 02 [Attack - ET 002]");
        assertThat(page.rows()).extracting(RawTrackRow::getSection).containsExactly("Part 1", "Part 1", "Part 2");
        assertThat(page.rows()).extracting(RawTrackRow::getCue).containsExactly("000", "07", "1:07:30");
    }

    @Test
    void aPageWithoutATracklistIsAnEmptyTracklistNotASilentSuccess() {
        PlaylistPage page = parser.parseWikitext("2020-01-01 - Someone @ Somewhere", "[[Category:Tracklist: none]]\n== Notes ==\nno list\n");
        assertThat(page.outcome()).isEqualTo(ScrapeOutcome.EMPTY_TRACKLIST);
        assertThat(page.tracklistState()).contains("none");
        assertThat(page.problem()).hasValueSatisfying(p -> assertThat(p).contains("no Tracklist section"));
        assertThat(parser.parseWikitext("2020-01-01 - Someone", "== Tracklist ==\n\n== Notes ==\n").outcome())
                .isEqualTo(ScrapeOutcome.EMPTY_TRACKLIST);
    }

    @Test
    void aBrokenApiAnswerIsReportedNotSwallowed() {
        assertThatThrownBy(() -> parser.parseApi("<html>maintenance</html>")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parser.parseApi("{\"error\":{\"code\":\"missingtitle\"}}")).hasMessageContaining("no 'parse'");
    }

    /** Every real MixesDB line, written back into a Tracklist section with its cue, comes out exactly as it went in. */
    @ParameterizedTest
    @ValueSource(strings = {"ben_klock_tracklists.csv", "len_faki_tracklists.csv", "marcel_dettmann_tracklists.csv"})
    void realMixesDbLinesSurviveExtractionUnchanged(String file) {
        List<Map<String, String>> rows = CsvRows.parse(SharedFixtures.read("mixesdb/" + file));
        Map<String, List<Map<String, String>>> byMix = rows.stream()
                .collect(Collectors.groupingBy(r -> r.get("mix_title"), LinkedHashMap::new, Collectors.toList()));
        assertThat(byMix).isNotEmpty();
        byMix.forEach((title, lines) -> {
            String wikitext = "== Tracklist ==\n" + lines.stream()
                    .map(l -> "# " + (l.get("timestamp").isEmpty() ? "" : "[" + l.get("timestamp") + "] ") + l.get("raw"))
                    .collect(Collectors.joining("\n"));
            PlaylistPage page = parser.parseWikitext(title, wikitext);
            assertThat(page.rows()).as(title).extracting(RawTrackRow::getRawText)
                    .containsExactlyElementsOf(lines.stream().map(l -> l.get("raw").strip()).toList());
            assertThat(page.playedOn()).as(title).isPresent();
            assertThat(page.djs()).as(title).isNotEmpty();
        });
    }
}
