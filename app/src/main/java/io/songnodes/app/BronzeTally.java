package io.songnodes.app;

import io.songnodes.platform.kafka.ConsumerLoop;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.bronze.BronzePlaylist;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Counts the Bronze events published from now on, per source and outcome, for the demo's running display. */
final class BronzeTally implements AutoCloseable {

    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
    private final ConsumerLoop<String, BronzePlaylist> reader;

    BronzeTally(KafkaConnection kafka, SchemaRegistryClient registry) {
        String topic = Topics.BRONZE_PLAYLISTS.name();
        KafkaConsumer<String, BronzePlaylist> consumer = new KafkaConsumer<>(kafka.readerProperties(), new StringDeserializer(),
                Topics.BRONZE_PLAYLISTS.valueSerde(registry).deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the starting point before anything is published
        reader = ConsumerLoop.start("songnodes-demo-bronze-tally", consumer, Duration.ofMillis(250), records -> records.forEach(r -> {
            synchronized (counts) {
                counts.computeIfAbsent(r.value().getSource(), s -> new TreeMap<>()).merge(r.value().getOutcome().name(), 1, Integer::sum);
            }
        }));
    }

    /** e.g. {@code 1001tracklists OK=5 | mixesdb OK=6}, or empty before the first event. */
    String summary() {
        synchronized (counts) {
            return counts.entrySet().stream()
                    .map(source -> source.getKey() + " " + source.getValue().entrySet().stream()
                            .map(o -> o.getKey() + "=" + o.getValue()).collect(Collectors.joining(" ")))
                    .collect(Collectors.joining(" | "));
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
