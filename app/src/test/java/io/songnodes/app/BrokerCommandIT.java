package io.songnodes.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code songnodes broker} from the runnable jar in a process of its own, used by another: the
 * way a developer keeps a broker up for tests, a second instance or Kafka tools.
 */
class BrokerCommandIT {

    @Test
    void keepsABrokerAndRegistryUpForOtherProcessesUntilTerminated() throws Exception {
        Path jar = Path.of("target", "songnodes.jar");
        assertThat(jar).as("the runnable jar is built in the package phase").exists();
        Process broker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "broker")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8))) {
            Map<String, String> exported = new HashMap<>();
            String line;
            while (exported.size() < 2 && (line = out.readLine()) != null) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    exported.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            assertThat(exported.get("KAFKA_BOOTSTRAP_SERVERS")).matches("localhost:\\d+");
            assertThat(exported.get("SCHEMA_REGISTRY_URL")).startsWith("http://127.0.0.1:");

            CliRun apply = CliRun.of(exported, "topics", "apply");
            assertThat(apply.exitCode()).as(apply.err()).isZero();
            assertThat(apply.out()).contains("CREATED", "bronze.playlists.v1");
        } finally {
            broker.destroy(); // SIGTERM: the shutdown hook stops the broker and removes its log directory
            assertThat(broker.waitFor(60, TimeUnit.SECONDS)).as("broker process stopped").isTrue();
        }
    }
}
