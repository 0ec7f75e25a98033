package io.songnodes.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.health.Health;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.metrics.PlatformMetrics;
import io.songnodes.platform.testkit.SharedKafka;
import io.songnodes.platform.testkit.TestTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedKafka.class)
class ExactlyOnceStreamsIT {

    @TempDir
    Path stateDir;

    private static Topology shout(String input, String output) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()).withName("read-lines"))
                .mapValues(v -> v.toUpperCase(java.util.Locale.ROOT), Named.as("shout"))
                .to(output, Produced.with(Serdes.String(), Serdes.String()).withName("write-shouted"));
        return builder.build();
    }

    @Test
    void aTransactionalStreamsAppCommitsItsOutputAndOffsets(KafkaConnection kafka) throws Exception {
        String input;
        String output;
        try (Admin admin = kafka.admin()) {
            input = TestTopics.create(admin, "eos-in", 2);
            output = TestTopics.create(admin, "eos-out", 2);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>(input, "k" + i, "track " + i));
            }
        }
        SongNodesConfig config = SongNodesConfig.from(Map.of(
                "SONGNODES_STREAMS_APPLICATION_ID", "eos-it-" + UUID.randomUUID().toString().substring(0, 8),
                "SONGNODES_STREAMS_STATE_DIR", stateDir.toString()));
        Properties settings = StreamsSettings.forTopology("shout", config, kafka);
        String applicationId = settings.getProperty("application.id");
        Health health = new Health();

        try (PlatformMetrics metrics = new PlatformMetrics();
             StreamsApp app = StreamsApp.start("shout", shout(input, output), settings, metrics, health)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> app.state() == KafkaStreams.State.RUNNING);
            assertThat(health.readiness().ready()).isTrue();

            List<String> shouted = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.consumerProperties("eos-reader-" + applicationId),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(output));
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> shouted.add(r.value()));
                    return shouted.size() >= 20;
                });
            }
            assertThat(shouted).hasSize(20).contains("TRACK 0", "TRACK 19");

            try (Admin admin = kafka.admin()) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    Map<TopicPartition, OffsetAndMetadata> committed =
                            admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
                    assertThat(committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum()).isEqualTo(20);
                });
                assertThat(admin.listTransactions().all().get())
                        .extracting(TransactionListing::transactionalId)
                        .anyMatch(id -> id.startsWith(applicationId));
            }
            assertThat(metrics.scrape()).contains("kafka_stream_");
        }
    }
}
