package io.songnodes.platform.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A compacted topic kept as a table in memory, for a process that is not a Streams application:
 * every partition read from the beginning before {@link #start} returns, then followed live, so a
 * change written to the topic applies without a restart (what a GlobalKTable is to Streams).
 */
public final class LiveTable<V> implements AutoCloseable {

    private final Map<String, V> rows = new ConcurrentHashMap<>();
    private ConsumerLoop<String, V> loop;

    private LiveTable() {
    }

    public static <V> LiveTable<V> start(KafkaConnection kafka, String topic, Deserializer<V> values, Duration timeout) {
        LiveTable<V> table = new LiveTable<>();
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(kafka.readerProperties(), new StringDeserializer(), values);
        try {
            TopicReader.catchUp(kafka, consumer, topic, timeout, table::apply);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        table.loop = ConsumerLoop.start("live-table-" + topic, consumer, Duration.ofMillis(500), table::applyAll);
        return table;
    }

    private void applyAll(ConsumerRecords<String, V> records) {
        records.forEach(this::apply);
    }

    private void apply(ConsumerRecord<String, V> record) {
        if (record.value() == null) {
            rows.remove(record.key());
        } else {
            rows.put(record.key(), record.value());
        }
    }

    public Optional<V> get(String key) {
        return Optional.ofNullable(rows.get(key));
    }

    public boolean isHealthy() {
        return loop.isHealthy();
    }

    @Override
    public void close() {
        loop.close();
    }
}
