package io.songnodes.platform.topics;

import io.songnodes.platform.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic as the platform declares it: name, partitions, cleanup policy, retention and the wire
 * format of keys and values. Only {@link Topics} creates these.
 *
 * @param retention how long records are kept; empty keeps them forever
 */
public record TopicSpec<K, V>(String name, String description, int partitions, Cleanup cleanup,
                              Optional<Duration> retention, Wire<K> key, Wire<V> value) {

    public enum Cleanup {
        /** An append-only log, trimmed by retention. */
        DELETE("delete"),
        /** A table: the latest record per key is kept forever. */
        COMPACT("compact");

        private final String policy;

        Cleanup(String policy) {
            this.policy = policy;
        }

        public String policy() {
            return policy;
        }
    }

    public TopicSpec {
        if (!name.matches("_schemas|[a-z]+\\.[a-z0-9-]+\\.v\\d+")) {
            throw new IllegalArgumentException("topic name " + name + " breaks <layer>.<entity>.v<N>");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition");
        }
    }

    /** The topic-level configs the platform manages; anything else on the topic is left alone. */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanup.policy());
        configs.put(TopicConfig.RETENTION_MS_CONFIG, retention.map(d -> Long.toString(d.toMillis())).orElse("-1"));
        return configs;
    }

    public Serde<K> keySerde(SchemaRegistryClient registry) {
        return key.serde(registry, true);
    }

    public Serde<V> valueSerde(SchemaRegistryClient registry) {
        return value.serde(registry, false);
    }
}
