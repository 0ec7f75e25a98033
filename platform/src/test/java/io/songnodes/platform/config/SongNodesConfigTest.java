package io.songnodes.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SongNodesConfigTest {

    @Test
    void defaultsBindHttpToLoopbackOnPort8080() {
        SongNodesConfig config = SongNodesConfig.from(Map.of());
        assertThat(config.string("songnodes.http.host")).isEqualTo("127.0.0.1");
        assertThat(config.port("songnodes.http.port")).isEqualTo(8080);
        assertThat(config.kafkaBootstrapServers()).isEmpty();
        assertThat(config.schemaRegistryUrl()).isEmpty();
        assertThat(config.databaseUrl()).isEmpty();
    }

    @Test
    void kafkaVariablesBecomeClientProperties() {
        SongNodesConfig config = SongNodesConfig.from(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_HEAP_OPTS", "-Xmx1g"));
        assertThat(config.kafka())
                .containsEntry("bootstrap.servers", "broker:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .doesNotContainKey("heap.opts");
        assertThat(config.kafkaBootstrapServers()).contains("broker:9092");
    }

    @Test
    void platformVariablesOverrideDefaults() {
        SongNodesConfig config = SongNodesConfig.from(Map.of("SONGNODES_HTTP_PORT", "9090", "SONGNODES_KAFKA_CONNECT_TIMEOUT", "2s"));
        assertThat(config.port("songnodes.http.port")).isEqualTo(9090);
        assertThat(config.duration("songnodes.kafka.connect.timeout")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void malformedSettingsNameTheVariableInOneLine() {
        SongNodesConfig config = SongNodesConfig.from(Map.of("SONGNODES_HTTP_PORT", "eighty", "SONGNODES_KAFKA_CONNECT_TIMEOUT", "soon"));
        assertThatThrownBy(() -> config.port("songnodes.http.port"))
                .isInstanceOf(ConfigException.class).hasMessage("SONGNODES_HTTP_PORT: not a whole number: eighty");
        assertThatThrownBy(() -> config.duration("songnodes.kafka.connect.timeout"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SONGNODES_KAFKA_CONNECT_TIMEOUT: not a duration");
        assertThatThrownBy(() -> SongNodesConfig.from(Map.of("SONGNODES_HTTP_PORT", "70000")).port("songnodes.http.port"))
                .hasMessage("SONGNODES_HTTP_PORT: not a port number (0-65535): 70000");
        assertThatThrownBy(() -> config.string("songnodes.no.such.setting"))
                .hasMessage("SONGNODES_NO_SUCH_SETTING: is required but not set");
    }

    @Test
    void externalServicesAreValidatedAtLoad() {
        assertThatThrownBy(() -> SongNodesConfig.from(Map.of("SCHEMA_REGISTRY_URL", "registry:8081")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SCHEMA_REGISTRY_URL: ");
        assertThatThrownBy(() -> SongNodesConfig.from(Map.of("DATABASE_URL", "postgresql://u:pw@host")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DATABASE_URL: ");
        SongNodesConfig ok = SongNodesConfig.from(Map.of("SCHEMA_REGISTRY_URL", "http://localhost:8081",
                "DATABASE_URL", "postgresql://u:pw@host:5432/db"));
        assertThat(ok.schemaRegistryUrl()).hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(8081));
        assertThat(ok.toString()).doesNotContain("pw");
    }
}
