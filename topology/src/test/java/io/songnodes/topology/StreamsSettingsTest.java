package io.songnodes.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.kafka.KafkaConnection;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    @Test
    void everyTopologyRunsExactlyOnceWithExplicitNames() {
        SongNodesConfig config = SongNodesConfig.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092", "KAFKA_CLIENT_RACK", "r1"));
        Properties props = StreamsSettings.forTopology("silver", config, KafkaConnection.of(config, "broker:9092"));
        assertThat(props)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "songnodes-silver")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true)
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry("client.rack", "r1");
        assertThat(props.getProperty(StreamsConfig.STATE_DIR_CONFIG)).endsWith("streams").doesNotContain("${");
    }
}
