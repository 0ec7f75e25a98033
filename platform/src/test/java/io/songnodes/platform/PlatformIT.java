package io.songnodes.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.songnodes.platform.config.ConfigException;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.health.Health;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.EmbeddedSchemaRegistry;
import io.songnodes.platform.testkit.SharedKafka;
import io.songnodes.platform.topics.TopicSpec;
import io.songnodes.platform.topics.Topics;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class PlatformIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(Platform platform, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(platform.http().baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsOnConfiguredServicesAndServesHealthAndMetrics(KafkaConnection kafka, EmbeddedSchemaRegistry registry) throws Exception {
        SongNodesConfig config = SongNodesConfig.from(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", registry.url().toString(),
                "SONGNODES_HTTP_PORT", "0"));
        List<String> progress = new ArrayList<>();
        try (Platform platform = Platform.start(config, progress::add)) {
            assertThat(progress).anyMatch(line -> line.contains("(external)"));
            assertThat(platform.http().baseUrl()).startsWith("http://127.0.0.1:");
            try (Admin admin = kafka.admin()) {
                // Created topics reach every broker's metadata a moment after the create call returns.
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                                .containsAll(Topics.ALL.stream().map(TopicSpec::name).toList()));
            }

            assertThat(get(platform, "/health/live").statusCode()).isEqualTo(200);
            HttpResponse<String> ready = get(platform, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"UP\"", "\"kafka\"", "\"schema-registry\"");

            // A component that stops makes the process not ready.
            platform.health().register("scraper", () -> Health.Status.down("stopped"));
            assertThat(get(platform, "/health/ready").statusCode()).isEqualTo(503);

            HttpResponse<String> metrics = get(platform, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(metrics.body()).contains("jvm_memory_used_bytes", "kafka_admin_client_");
        }
    }

    @Test
    void anUnreachableClusterFailsFastWithOneLineNamingTheSetting() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SongNodesConfig config = SongNodesConfig.from(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + closedPort,
                "SONGNODES_KAFKA_CONNECT_TIMEOUT", "2s",
                "SONGNODES_HTTP_PORT", "0"));
        long started = System.nanoTime();
        assertThatThrownBy(() -> Platform.start(config, line -> { }))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("KAFKA_BOOTSTRAP_SERVERS: no Kafka broker answered at 127.0.0.1:" + closedPort + " within 2s")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(15);
    }
}
