package io.songnodes.app;

import io.songnodes.platform.kafka.ConsumerLoop;
import io.songnodes.platform.kafka.KafkaConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts the records published to a topic from now on, by group and bucket (e.g. source and
 * outcome), for the demo's running display.
 */
final class TopicTally<V> implements AutoCloseable {

    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
    private final ConsumerLoop<String, V> reader;

    TopicTally(KafkaConnection kafka, String topic, Deserializer<V> values, Function<V, String> group, Function<V, String> bucket) {
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(kafka.readerProperties(), new StringDeserializer(), values);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the starting point before anything is published
        reader = ConsumerLoop.start("songnodes-demo-tally-" + topic, consumer, Duration.ofMillis(250), records -> records.forEach(r -> {
            synchronized (counts) {
                counts.computeIfAbsent(group.apply(r.value()), s -> new TreeMap<>()).merge(bucket.apply(r.value()), 1, Integer::sum);
            }
        }));
    }

    /** e.g. {@code 1001tracklists OK=5 | mixesdb OK=6}, or empty before the first record. */
    String summary() {
        synchronized (counts) {
            return counts.entrySet().stream()
                    .map(g -> g.getKey() + " " + g.getValue().entrySet().stream()
                            .map(b -> b.getKey() + "=" + b.getValue()).collect(Collectors.joining(" ")))
                    .collect(Collectors.joining(" | "));
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
