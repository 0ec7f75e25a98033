package io.songnodes.platform.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.testkit.SharedKafka;
import io.songnodes.platform.testkit.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class TopicAdminIT {

    private static TopicSpec<String, String> spec(String name, int partitions) {
        return new TopicSpec<>(name, "test table", partitions, TopicSpec.Cleanup.COMPACT, Optional.of(Duration.ofDays(1)),
                Wire.string(), Wire.string());
    }

    @Test
    void applyIsIdempotentAndRepairsDrift(KafkaConnection kafka) throws Exception {
        String name = TestTopics.unique("tracks");
        try (Admin admin = kafka.admin()) {
            TopicAdmin topics = new TopicAdmin(admin);
            assertThat(topics.apply(List.of(spec(name, 2)))).singleElement()
                    .satisfies(c -> assertThat(c.action()).isEqualTo(TopicAdmin.Action.CREATED));
            assertThat(topics.apply(List.of(spec(name, 2)))).singleElement()
                    .satisfies(c -> assertThat(c.action()).isEqualTo(TopicAdmin.Action.UNCHANGED));

            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry("cleanup.policy", "delete"), AlterConfigOp.OpType.SET)))).all().get();

            assertThat(topics.apply(List.of(spec(name, 4)))).singleElement().satisfies(c -> {
                assertThat(c.action()).isEqualTo(TopicAdmin.Action.UPDATED);
                assertThat(c.detail()).contains("cleanup.policy=compact", "partitions 2 -> 4");
            });
            assertThat(topics.apply(List.of(spec(name, 1)))).singleElement().satisfies(c -> {
                assertThat(c.action()).isEqualTo(TopicAdmin.Action.WARNING);
                assertThat(c.detail()).contains("cannot remove partitions");
            });

            assertThat(topics.describe(List.of(spec(name, 4), spec(TestTopics.unique("absent"), 1))))
                    .satisfiesExactly(
                            present -> {
                                assertThat(present.exists()).isTrue();
                                assertThat(present.partitions()).isEqualTo(4);
                                assertThat(present.configs()).containsEntry("cleanup.policy", "compact")
                                        .containsEntry("retention.ms", "86400000");
                            },
                            absent -> assertThat(absent.exists()).isFalse());
        }
    }
}
