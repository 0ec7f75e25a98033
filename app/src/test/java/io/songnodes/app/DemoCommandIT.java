package io.songnodes.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo exactly as a newcomer runs it: its own embedded broker and registry, nothing configured. */
class DemoCommandIT {

    @Test
    void theDemoRoundTripsARecordScrapesTheSimulatorsAndStopsAfterItsDuration() {
        CliRun run = CliRun.of(Map.of("SONGNODES_HTTP_PORT", "0"), "demo", "--duration", "8s");
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
                .contains("Stopped");
        assertThat(run.out()).doesNotContain("Formatting metadata directory");
    }
}
