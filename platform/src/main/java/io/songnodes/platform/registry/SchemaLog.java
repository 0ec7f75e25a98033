package io.songnodes.platform.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.songnodes.platform.kafka.ConsumerLoop;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.topics.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's durable store: the compacted {@code _schemas} topic, in Confluent's own record
 * layout. A reader thread applies every entry to a {@link RegistryState}; writers append and then
 * wait until the reader has applied their entry, so each instance reads its own writes and all
 * instances converge on the same state.
 */
final class SchemaLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TopicPartition PARTITION = new TopicPartition(Topics.SCHEMAS.name(), 0);

    private final RegistryState state;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Admin admin;
    private final ConsumerLoop<byte[], byte[]> reader;
    private final Duration timeout;
    private final Object progress = new Object();
    private long applied; // next offset to apply, guarded by progress

    SchemaLog(KafkaConnection kafka, RegistryState state, Duration timeout) {
        this.state = state;
        this.timeout = timeout;
        Map<String, Object> producerProps = kafka.producerProperties();
        producerProps.put("client.id", "songnodes-registry-writer");
        this.producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
        Map<String, Object> consumerProps = kafka.readerProperties();
        consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, "songnodes-registry-reader");
        this.consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.admin = kafka.admin();
        consumer.assign(List.of(PARTITION));
        consumer.seekToBeginning(List.of(PARTITION));
        this.reader = ConsumerLoop.start("songnodes-registry-reader", consumer, Duration.ofMillis(200), this::applyPoll);
    }

    void appendSchema(String subject, int version, int id, Schema schema) {
        ObjectNode key = JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", subject).put("version", version).put("magic", 1);
        ObjectNode value = JSON.createObjectNode().put("subject", subject).put("version", version).put("id", id)
                .put("schema", schema.toString()).put("deleted", false);
        append(key, value);
    }

    void appendConfig(Optional<String> subject, CompatibilityLevel level) {
        ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG").put("magic", 0);
        if (subject.isPresent()) {
            key.put("subject", subject.get());
        } else {
            key.putNull("subject");
        }
        append(key, JSON.createObjectNode().put("compatibilityLevel", level.name()));
    }

    /** Waits until every entry in the log when this was called has been applied. */
    void catchUp() {
        long end = await(admin.listOffsets(Map.of(PARTITION, OffsetSpec.latest())).partitionResult(PARTITION)).offset();
        awaitApplied(end);
    }

    private void append(JsonNode key, JsonNode value) {
        try {
            long offset = await(producer.send(new ProducerRecord<>(PARTITION.topic(), PARTITION.partition(),
                    JSON.writeValueAsBytes(key), JSON.writeValueAsBytes(value)))).offset();
            awaitApplied(offset + 1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode registry entry", e);
        }
    }

    private void awaitApplied(long offset) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (applied < offset) {
                if (reader.failure().isPresent()) {
                    throw new SchemaRegistryException("registry log reader failed: " + reader.failure().get(), reader.failure().get());
                }
                long waitMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (waitMs <= 0) {
                    throw new SchemaRegistryException(503, 50002, "registry log not caught up to offset " + offset + " within " + timeout);
                }
                try {
                    progress.wait(waitMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SchemaRegistryException("interrupted while waiting for the registry log", e);
                }
            }
        }
    }

    /** Applies a poll's entries, then publishes how far the log has been applied. */
    private void applyPoll(ConsumerRecords<byte[], byte[]> records) {
        records.forEach(this::apply);
        long position = consumer.position(PARTITION);
        synchronized (progress) {
            applied = position;
            progress.notifyAll();
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return; // tombstones: hard deletes are not supported, nothing to undo
        }
        try {
            JsonNode key = JSON.readTree(record.key());
            JsonNode value = JSON.readTree(record.value());
            switch (key.path("keytype").asText()) {
                case "SCHEMA" -> {
                    if (!value.path("deleted").asBoolean(false)) {
                        state.applySchema(value.path("subject").asText(), value.path("version").asInt(),
                                value.path("id").asInt(), new Schema.Parser().parse(value.path("schema").asText()));
                    }
                }
                case "CONFIG" -> state.applyConfig(
                        key.hasNonNull("subject") ? Optional.of(key.get("subject").asText()) : Optional.empty(),
                        CompatibilityLevel.valueOf(value.path("compatibilityLevel").asText()));
                default -> log.debug("Ignoring registry log entry of type {}", key.path("keytype").asText());
            }
        } catch (IOException | RuntimeException e) {
            // One unreadable entry (e.g. written by another registry product) must not stop the registry.
            log.warn("Skipping unreadable registry log entry at offset {}: {}", record.offset(), e.toString());
        }
    }

    private <T> T await(java.util.concurrent.Future<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while writing the registry log", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new SchemaRegistryException("registry log on Kafka unavailable: " + e, e);
        }
    }

    boolean isHealthy() {
        return reader.isHealthy();
    }

    @Override
    public void close() {
        reader.close();
        synchronized (progress) {
            progress.notifyAll();
        }
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
