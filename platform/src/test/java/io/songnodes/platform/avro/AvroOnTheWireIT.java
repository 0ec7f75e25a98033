package io.songnodes.platform.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.EmbeddedSchemaRegistry;
import io.songnodes.platform.registry.HttpSchemaRegistryClient;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.testkit.SharedKafka;
import io.songnodes.platform.testkit.TestTopics;
import io.songnodes.schemas.scrape.ScrapeReason;
import io.songnodes.schemas.scrape.ScrapeRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class AvroOnTheWireIT {

    private static ScrapeRequest request(String url) {
        return ScrapeRequest.newBuilder()
                .setUrl(url).setCanonicalUrl(url).setSource("mixesdb").setReason(ScrapeReason.MANUAL)
                .setPriority(5).setRequestedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    @Test
    void aRecordIsDecodedWithNothingButTheRegistryAndItsBytes(KafkaConnection kafka, SchemaRegistryClient registry,
                                                              EmbeddedSchemaRegistry embedded) {
        String topic;
        try (Admin admin = kafka.admin()) {
            topic = TestTopics.create(admin, "scrape-requests", 1);
        }
        ScrapeRequest sent = request("https://www.mixesdb.com/w/2017-10-22_-_Ben_Klock_@_Awakenings");
        AvroSerde<ScrapeRequest> serde = AvroSerde.forValues(ScrapeRequest.class, registry);
        try (KafkaProducer<String, ScrapeRequest> producer = new KafkaProducer<>(kafka.producerProperties(),
                new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(topic, sent.getCanonicalUrl(), sent)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        byte[] bytes = consumeOne(kafka, topic).value();

        assertThat(bytes[0]).as("magic byte").isEqualTo((byte) 0);
        int schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(schemaId).isEqualTo(registry.register(topic + "-value", ScrapeRequest.getClassSchema()));

        // A consumer with none of our classes and a cold cache: only the registry URL and the bytes.
        SchemaRegistryClient stranger = new HttpSchemaRegistryClient(embedded.url());
        GenericRecord decoded = AvroSerde.decodeGeneric(bytes, stranger);
        assertThat(decoded.getSchema().getFullName()).isEqualTo("io.songnodes.schemas.scrape.ScrapeRequest");
        assertThat(decoded.get("url").toString()).isEqualTo(sent.getUrl());
        assertThat(decoded.get("reason").toString()).isEqualTo("MANUAL");
        assertThat(decoded.get("priority")).isEqualTo(5);

        assertThat(serde.deserializer().deserialize(topic, bytes)).isEqualTo(sent);
    }

    private static ConsumerRecord<String, byte[]> consumeOne(KafkaConnection kafka, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.consumerProperties("avro-it-" + topic),
                new org.apache.kafka.common.serialization.StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            assertThat(records).as("records on " + topic).hasSize(1);
            return records.get(0);
        }
    }
}
