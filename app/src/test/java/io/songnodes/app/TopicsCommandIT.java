package io.songnodes.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.testkit.SharedKafka;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class TopicsCommandIT {

    @Test
    void applyCreatesTheCatalogueOnceAndListShowsIt(KafkaConnection kafka) throws Exception {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());

        CliRun first = CliRun.of(env, "topics", "apply");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("bronze.playlists.v1", "scrape.requests.v1", "dlq.silver.v1");

        CliRun second = CliRun.of(env, "topics", "apply");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out().lines()).allMatch(line -> line.startsWith("UNCHANGED"));

        CliRun table = CliRun.of(env, "topics", "list");
        assertThat(table.out()).contains("bronze.playlists.v1", "3/3", "forever", "avro:BronzePlaylist", "ok");

        CliRun json = CliRun.of(env, "topics", "list", "--json");
        JsonNode topics = new ObjectMapper().readTree(json.out());
        assertThat(topics.isArray()).isTrue();
        JsonNode bronze = null;
        for (JsonNode topic : topics) {
            if (topic.path("name").asText().equals("bronze.playlists.v1")) {
                bronze = topic;
            }
        }
        assertThat(bronze).isNotNull();
        assertThat(bronze.path("partitions").asInt()).isEqualTo(3);
        assertThat(bronze.path("retentionMs").asLong()).isEqualTo(-1);
        assertThat(bronze.path("status").asText()).isEqualTo("ok");
    }
}
