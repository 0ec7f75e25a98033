package io.songnodes.platform.kafka;

import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.topics.TopicSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic as it is now, from its first record to its end, without a consumer group. */
public final class TopicReader {

    private TopicReader() {
    }

    public static <K, V> void readToEnd(KafkaConnection kafka, String topic, Deserializer<K> keys, Deserializer<V> values,
                                        Duration timeout, Consumer<ConsumerRecord<K, V>> each) {
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(kafka.readerProperties(), keys, values)) {
            catchUp(kafka, consumer, topic, timeout, each);
        }
    }

    /** A compacted topic read as the table it is: the latest value per key, tombstones removing it. */
    public static <V> Map<String, V> table(KafkaConnection kafka, SchemaRegistryClient registry, TopicSpec<String, V> topic) {
        Map<String, V> table = new HashMap<>();
        readToEnd(kafka, topic.name(), new StringDeserializer(), topic.valueSerde(registry).deserializer(), Duration.ofSeconds(30), r -> {
            if (r.value() == null) {
                table.remove(r.key());
            } else {
                table.put(r.key(), r.value());
            }
        });
        return table;
    }

    /** Assigns every partition of the topic to the consumer and reads from the beginning to the end as it is now. */
    static <K, V> void catchUp(KafkaConnection kafka, KafkaConsumer<K, V> consumer, String topic, Duration timeout,
                               Consumer<ConsumerRecord<K, V>> each) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
            // read as empty it would pass for "nothing yet", and a wrong cluster would go unnoticed
            throw new IllegalStateException(topic + " does not exist on " + kafka.bootstrapServers()
                    + " (./songnodes topics apply creates the declared topics)");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(each);
        }
    }
}
