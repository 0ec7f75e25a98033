package io.songnodes.app;

import io.songnodes.platform.Platform;
import io.songnodes.platform.avro.AvroSerde;
import io.songnodes.platform.topics.Topics;
import io.songnodes.scrape.CanonicalUrl;
import io.songnodes.schemas.scrape.ScrapeReason;
import io.songnodes.schemas.scrape.ScrapeRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The demo's proof that the contract works end to end: a scrape request written to
 * {@code scrape.requests.v1} through the registry-backed serde, read back as raw bytes and decoded
 * twice — generically with nothing but the registry, and into the generated class.
 */
final class AvroRoundTrip {

    /** What came back, and from where. */
    record Result(ScrapeRequest sent, ScrapeRequest received, GenericRecord generic, int schemaId,
                  TopicPartition partition, long offset) {
        /** The class decodes to an equal record, and the generic decode agrees field by field. */
        boolean matches() {
            return sent.equals(received) && sent.getSchema().getFields().stream()
                    .allMatch(f -> Objects.toString(generic.get(f.name())).equals(Objects.toString(sent.get(f.pos()))));
        }
    }

    private AvroRoundTrip() {
    }

    static Result run(Platform platform, String url) throws InterruptedException {
        ScrapeRequest sent = ScrapeRequest.newBuilder()
                .setUrl(url).setCanonicalUrl(CanonicalUrl.of(url).toString()).setSource("mixesdb").setReason(ScrapeReason.MANUAL)
                .setPriority(0).setRequestedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
        String topic = Topics.SCRAPE_REQUESTS.name();
        Serde<ScrapeRequest> serde = Topics.SCRAPE_REQUESTS.valueSerde(platform.registry());
        RecordMetadata written;
        try (KafkaProducer<String, ScrapeRequest> producer = new KafkaProducer<>(platform.kafka().producerProperties(),
                new StringSerializer(), serde.serializer())) {
            written = producer.send(new ProducerRecord<>(topic, sent.getCanonicalUrl(), sent)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to " + topic + ": " + e.getMessage(), e);
        }
        TopicPartition partition = new TopicPartition(topic, written.partition());
        byte[] bytes = readAt(platform, partition, written.offset());
        GenericRecord generic = AvroSerde.decodeGeneric(bytes, platform.registry());
        ScrapeRequest received = serde.deserializer().deserialize(topic, bytes);
        int schemaId = java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt();
        return new Result(sent, received, generic, schemaId, partition, written.offset());
    }

    private static byte[] readAt(Platform platform, TopicPartition partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(platform.kafka().readerProperties(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return record.value();
                    }
                }
            }
        }
        throw new IllegalStateException("record at " + partition + "@" + offset + " was not readable within 30 s");
    }
}
