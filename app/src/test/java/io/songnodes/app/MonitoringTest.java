package io.songnodes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The alert rules pass promtool's own tests; the dashboard is valid and queries only metrics. */
class MonitoringTest {

    /** promtool on the PATH, or from Debian's prometheus package unpacked under target/ (fetched once). */
    private static Optional<Path> promtool() throws IOException, InterruptedException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        Path unpacked = Path.of("target", "promtool");
        Path binary = unpacked.resolve("usr/bin/promtool");
        if (!Files.isExecutable(binary)) {
            Files.createDirectories(unpacked);
            if (run(unpacked, List.of("apt-get", "download", "prometheus")).isEmpty()) {
                return Optional.empty();
            }
            try (var debs = Files.list(unpacked)) {
                Optional<Path> deb = debs.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst();
                if (deb.isEmpty() || run(unpacked, List.of("dpkg", "-x", deb.get().getFileName().toString(), ".")).isEmpty()) {
                    return Optional.empty();
                }
            }
        }
        return Files.isExecutable(binary) ? Optional.of(binary.toAbsolutePath()) : Optional.empty();
    }

    /** The command's output when it succeeded within two minutes; empty when it could not run or failed. */
    private static Optional<String> run(Path dir, List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            boolean done = process.waitFor(2, TimeUnit.MINUTES);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return done && process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Test
    void theAlertRulesAreValidAndPassTheirPromtoolTests() throws Exception {
        Optional<Path> promtool = promtool();
        assumeTrue(promtool.isPresent(), "skipped: promtool is not on the PATH and Debian's prometheus package could not be fetched "
                + "(apt-get download prometheus); the rules are then checked by the metric-name test only");
        Path prometheus = MonitoringFiles.monitoring().resolve("prometheus");
        Process check = new ProcessBuilder(promtool.get().toString(), "check", "rules", "alerts.yml").directory(prometheus.toFile())
                .redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(checked).isZero();
        assertThat(checked).contains("SUCCESS: 13 rules found");
        Process test = new ProcessBuilder(promtool.get().toString(), "test", "rules", "tests/alerts_test.yml").directory(prometheus.toFile())
                .redirectErrorStream(true).start();
        String tested = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(test.waitFor()).as(tested).isZero();
        assertThat(tested).contains("SUCCESS");
    }

    @Test
    void theDashboardIsValidJsonAndEveryPanelHasAQuery() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(MonitoringFiles.read("grafana/songnodes-dashboard.json"));
        assertThat(dashboard.path("uid").asText()).isEqualTo("songnodes-health");
        assertThat(dashboard.path("panels")).isNotEmpty().allSatisfy(panel ->
                assertThat(panel.path("targets")).isNotEmpty().allSatisfy(t -> assertThat(t.path("expr").asText()).isNotBlank()));
        assertThat(MonitoringFiles.referencedMetrics()).contains("songnodes_silent_failure_alert_active",
                "songnodes_source_last_track_timestamp_seconds", "songnodes_expectation_failures_total", "songnodes_dead_letters_total");
    }
}
