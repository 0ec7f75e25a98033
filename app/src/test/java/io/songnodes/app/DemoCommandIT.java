package io.songnodes.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo as a newcomer runs it (its own embedded broker and registry), on a shorter timeline. */
class DemoCommandIT {

    @Test
    void theDemoRoundTripsARecordScrapesTheSimulatorsAlertsOnABrokenSiteAndStops() {
        CliRun run = CliRun.of(Map.of("SONGNODES_HTTP_PORT", "0", "SONGNODES_DEMO_RESCRAPE_EVERY", "2s",
                "SONGNODES_DEMO_BREAK_AFTER", "4s", "SONGNODES_DEMO_REPAIR_AFTER", "18s", "SONGNODES_DEMO_ALERTS_WINDOW", "6s",
                "SONGNODES_DEMO_ALERTS_PUNCTUATION", "1s"), "demo", "--duration", "30s");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("Kafka: embedded KRaft broker at localhost:")
                .contains("Schema registry: embedded at http://127.0.0.1:")
                .contains("Round trip OK")
                .contains("\"source\": \"mixesdb\"")
                .contains("/metrics")
                .contains("Site simulators: MixesDB at http://127.0.0.1:")
                .containsPattern("Bronze events: .*mixesdb OK=\\d+")
                .containsPattern("Silver playlists: .*mixesdb VALID=\\d+")
                .contains("Demo: MixesDB breaks now")
                .containsPattern("ALERT FIRING ZERO_TRACKS_IN_WINDOW mixesdb: .* after its last track")
                .contains("ALERT RESOLVED ZERO_TRACKS_IN_WINDOW mixesdb")
                .contains("Stopped");
        assertThat(run.out().indexOf("ALERT RESOLVED ZERO_TRACKS_IN_WINDOW mixesdb")).as("resolved after the repair")
                .isGreaterThan(run.out().indexOf("Demo: MixesDB repaired"));
        assertThat(run.out()).doesNotContain("Formatting metadata directory");
    }
}
