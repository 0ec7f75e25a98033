package io.songnodes.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.songnodes.platform.kafka.ConsumerLoop;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.alerts.AlertState;
import io.songnodes.schemas.alerts.SilentFailureAlert;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Prints each silent-failure alert change as it happens, with how long after the source's last track it came. */
final class AlertPrinter implements AutoCloseable {

    private final ConsumerLoop<String, SilentFailureAlert> reader;

    AlertPrinter(KafkaConnection kafka, SchemaRegistryClient registry, MeterRegistry meters, PrintWriter out) {
        String topic = Topics.ALERTS_SILENT_FAILURES.name();
        KafkaConsumer<String, SilentFailureAlert> consumer = new KafkaConsumer<>(kafka.readerProperties(), new StringDeserializer(),
                Topics.ALERTS_SILENT_FAILURES.valueSerde(registry).deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        reader = ConsumerLoop.start("songnodes-demo-alerts", consumer, Duration.ofMillis(250), records -> records.forEach(r -> {
            SilentFailureAlert alert = r.value();
            String sinceLastTrack = alert.getState() == AlertState.FIRING ? lastTrack(meters, alert.getSource())
                    .map(t -> String.format(Locale.ROOT, " (%.1f s after its last track)",
                            Duration.between(t, alert.getEvaluatedAt()).toMillis() / 1000.0)).orElse("") : "";
            synchronized (out) {
                out.printf("ALERT %s %s %s: %s%s%n", alert.getState(), alert.getRule(), alert.getSource(), alert.getMessage(), sinceLastTrack);
                out.flush();
            }
        }));
    }

    private static Optional<Instant> lastTrack(MeterRegistry meters, String source) {
        Gauge gauge = meters.find("songnodes_source_last_track_timestamp_seconds").tag("source", source).gauge();
        return gauge == null || gauge.value() <= 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli((long) (gauge.value() * 1000)));
    }

    @Override
    public void close() {
        reader.close();
    }
}
