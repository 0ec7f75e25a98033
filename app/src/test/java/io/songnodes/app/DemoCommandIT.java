package io.songnodes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The demo as a newcomer runs it (its own embedded broker and registry), on a shorter timeline. */
class DemoCommandIT {

    @Test
    void theDemoRoundTripsARecordScrapesTheSimulatorsAlertsOnABrokenSiteAndStops() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StringWriter live = new StringWriter();
        CompletableFuture<CliRun> demo = CompletableFuture.supplyAsync(() -> CliRun.of(live, Map.of("SONGNODES_HTTP_PORT", String.valueOf(port), "SONGNODES_DEMO_RESCRAPE_EVERY", "2s",
                "SONGNODES_DEMO_BREAK_AFTER", "4s", "SONGNODES_DEMO_REPAIR_AFTER", "18s", "SONGNODES_DEMO_ALERTS_WINDOW", "6s",
                "SONGNODES_DEMO_ALERTS_PUNCTUATION", "1s"), "demo", "--duration", "30s"));

        // While it runs, every metric the alert rules and the dashboard use is on the real /metrics.
        await().atMost(Duration.ofSeconds(60)).until(() -> live.toString().contains("ALERT FIRING ZERO_TRACKS_IN_WINDOW"));
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(MonitoringFiles.exported(metrics)).containsAll(MonitoringFiles.referencedMetrics());

        CliRun run = demo.get(120, TimeUnit.SECONDS);
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
                .containsPattern("Gold: \\d+ tracks, \\d+ transitions, \\d+ artists")
                .contains("the most played tracks:", "the most played artists:")
                .contains("Enrichment: deezer circuit breaker CLOSED -> OPEN")
                .containsPattern("Enrichment: of \\d+ Gold tracks, \\d+ have an ISRC")
                .containsPattern("cache: \\d+ hits, \\d+ misses")
                .containsPattern("http://127.0.0.1:" + port + "/api/graph/neighbors/t[0-9a-f]+\\?direction=out")
                .contains("Stopped");
        assertThat(run.out().indexOf("ALERT RESOLVED ZERO_TRACKS_IN_WINDOW mixesdb")).as("resolved after the repair")
                .isGreaterThan(run.out().indexOf("Demo: MixesDB repaired"));
        assertThat(run.out()).doesNotContain("Formatting metadata directory");
    }
}
