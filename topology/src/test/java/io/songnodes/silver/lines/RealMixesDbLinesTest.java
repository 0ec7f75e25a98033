package io.songnodes.silver.lines;

import static org.assertj.core.api.Assertions.assertThat;

import io.songnodes.platform.testkit.CsvRows;
import io.songnodes.platform.testkit.SharedFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every real MixesDB line from ../shared/fixtures/mixesdb/*.csv, and the figures that say how well they parse. */
class RealMixesDbLinesTest {

    private static final List<String> FILES = List.of("ben_klock_tracklists.csv", "len_faki_tracklists.csv", "marcel_dettmann_tracklists.csv");

    private final TrackLineParser parser = new TrackLineParser();

    @Test
    void everyRealLineParsesUnknownsAreFlaggedAndLabelsAndRemixersAreFound() {
        ParserFigures figures = new ParserFigures();
        for (String file : FILES) {
            for (Map<String, String> row : CsvRows.parse(SharedFixtures.read("mixesdb/" + file))) {
                String raw = row.get("raw");
                TrackLine line = parser.parse(raw, java.util.Optional.of(row.get("timestamp")).filter(t -> !t.isEmpty()));
                figures.add(line);
                if (raw.strip().equals("?") || raw.strip().endsWith(" - ?")) {
                    assertThat(line.unknown()).as(raw).isTrue();
                }
                if (!line.unknown() && !line.artists().isEmpty()) {
                    assertThat(line.trackKey()).as(raw).isPresent();
                }
                assertThat(parser.parse(line.canonical()).trackKey()).as("canonical of " + raw).isEqualTo(line.trackKey());
            }
        }
        System.out.println("[parser figures] shared MixesDB CSVs: " + figures);
        assertThat(figures.lines()).isGreaterThan(400);
        assertThat(figures.artistAndTitleShare()).isGreaterThan(0.8);
        assertThat(figures.labelShare()).isGreaterThan(0.45);
        assertThat(figures.remixerShare()).isGreaterThan(0.05);
        assertThat(figures.unknownShare()).isBetween(0.01, 0.3);
    }

    @Test
    void theLinesTheSeedsGotWrong() {
        TrackLine remix = parser.parse("Gary Beck - Bring A Friend (Dubfire Remix) [Bedrock - BEDDIGI 60]");
        assertThat(remix.versions()).singleElement().satisfies(v -> assertThat(v.remixers()).containsExactly("Dubfire"));
        assertThat(parser.parse("Tiesto vs. Oasis - Wonderwall").artists()).containsExactly("Tiesto", "Oasis");
    }
}
