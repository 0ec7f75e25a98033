package io.songnodes.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.testkit.TestTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The broker's own lifecycle, so this one test starts a broker of its own rather than the shared one. */
class EmbeddedKafkaBrokerIT {

    @Test
    void transactionsCommitOnOneNodeAndCloseRemovesTheLogDirectory() throws Exception {
        Path logDirectory;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            logDirectory = broker.logDirectory();
            assertThat(logDirectory).isDirectory();
            assertThat(broker.bootstrapServers()).matches("localhost:\\d+");
            KafkaConnection kafka = KafkaConnection.of(SongNodesConfig.from(Map.of()), broker.bootstrapServers());
            String topic;
            try (Admin admin = kafka.admin()) {
                topic = TestTopics.create(admin, "tx", 1);
            }

            Map<String, Object> producerProps = kafka.producerProperties();
            producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "broker-it");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "k", "aborted"));
                producer.abortTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "k", "committed"));
                producer.commitTransaction();
            }

            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.consumerProperties("broker-it"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                List<String> values = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (values.isEmpty() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        values.add(r.value());
                    }
                }
                assertThat(values).as("read_committed sees only the committed transaction").containsExactly("committed");
            }
            broker.close();
            broker.close(); // idempotent, unlike the kit underneath
        }
        assertThat(Files.exists(logDirectory)).as("log directory removed on close").isFalse();
    }
}
