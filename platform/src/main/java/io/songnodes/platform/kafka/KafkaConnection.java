package io.songnodes.platform.kafka;

import io.songnodes.platform.config.ConfigException;
import io.songnodes.platform.config.Durations;
import io.songnodes.platform.config.SongNodesConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Where the platform's Kafka is and the client properties to reach it: the {@code KAFKA_*}
 * settings plus the bootstrap servers. {@link #verify} turns "no broker answers" into one clear
 * line naming {@code KAFKA_BOOTSTRAP_SERVERS} instead of a client retrying forever.
 */
public record KafkaConnection(String bootstrapServers, Map<String, Object> clientProperties) {

    public KafkaConnection {
        clientProperties = Map.copyOf(clientProperties);
    }

    public static KafkaConnection of(SongNodesConfig config, String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>(config.kafka());
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new KafkaConnection(bootstrapServers, properties);
    }

    /** Fails with a {@link ConfigException} unless a broker answers within the timeout. */
    public KafkaConnection verify(Duration timeout) {
        Map<String, Object> props = adminProperties();
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return this;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(timeout, "interrupted");
        } catch (ExecutionException e) {
            throw unreachable(timeout, e.getCause().getClass().getSimpleName());
        } catch (TimeoutException e) {
            throw unreachable(timeout, "timed out");
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new ConfigException(SongNodesConfig.variableName("kafka.bootstrap.servers"),
                    "cannot use " + bootstrapServers + ": " + e.getMessage());
        }
    }

    private ConfigException unreachable(Duration timeout, String why) {
        return new ConfigException(SongNodesConfig.variableName("kafka.bootstrap.servers"),
                "no Kafka broker answered at " + bootstrapServers + " within " + Durations.format(timeout) + " (" + why + ")");
    }

    public Map<String, Object> adminProperties() {
        return new HashMap<>(clientProperties);
    }

    public Map<String, Object> producerProperties() {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return props;
    }

    public Map<String, Object> consumerProperties(String groupId) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }

    /** For a consumer that assigns partitions itself: no group, so nothing to commit or rebalance. */
    public Map<String, Object> readerProperties() {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    public Admin admin() {
        return Admin.create(adminProperties());
    }
}
