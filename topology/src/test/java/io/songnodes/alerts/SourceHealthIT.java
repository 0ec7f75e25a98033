package io.songnodes.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.health.Health;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.metrics.PlatformMetrics;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.testkit.SharedKafka;
import io.songnodes.platform.topics.TopicAdmin;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.alerts.SilentFailureAlert;
import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.bronze.RawTrackRow;
import io.songnodes.schemas.bronze.ScrapeOutcome;
import io.songnodes.topology.StreamsApp;
import io.songnodes.topology.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The alert state survives a restart on the real broker: no forgotten alert, no second FIRING. */
@ExtendWith(SharedKafka.class)
class SourceHealthIT {

    @TempDir
    Path stateDir;

    @Test
    void aRestartNeitherForgetsNorRepeatsAFiringAlert(KafkaConnection kafka, SchemaRegistryClient registry) {
        try (Admin admin = kafka.admin()) {
            new TopicAdmin(admin).apply(Topics.ALL);
        }
        String source = "quiet-" + UUID.randomUUID().toString().substring(0, 8);
        SongNodesConfig config = SongNodesConfig.from(Map.of("SONGNODES_STREAMS_APPLICATION_ID", "health-it-" + source,
                "SONGNODES_STREAMS_STATE_DIR", stateDir.toString(), "SONGNODES_ALERTS_SOURCES", source,
                "SONGNODES_ALERTS_PUNCTUATION", "300ms", "SONGNODES_ALERTS_BUCKET", "1s", "SONGNODES_ALERTS_WINDOW", "3s"));
        List<SilentFailureAlert> seen = new ArrayList<>();
        try (KafkaConsumer<String, SilentFailureAlert> consumer = new KafkaConsumer<>(kafka.consumerProperties("health-it-" + source),
                new StringDeserializer(), Topics.ALERTS_SILENT_FAILURES.valueSerde(registry).deserializer())) {
            consumer.subscribe(List.of(Topics.ALERTS_SILENT_FAILURES.name()));
            Runnable poll = () -> consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (r.value().getSource().equals(source)) {
                    seen.add(r.value());
                }
            });
            try (StreamsApp app = start(config, registry, kafka)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    poll.run();
                    return seen.stream().anyMatch(a -> a.getRule().equals("SOURCE_STALLED"));
                });
            }
            try (StreamsApp restarted = start(config, registry, kafka)) {
                // Many punctuations pass after the restart; then the source comes back.
                long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                while (System.nanoTime() < until) {
                    poll.run();
                }
                try (KafkaProducer<String, BronzePlaylist> producer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                        Topics.BRONZE_PLAYLISTS.valueSerde(registry).serializer())) {
                    producer.send(new ProducerRecord<>(Topics.BRONZE_PLAYLISTS.name(), source + ":1", BronzePlaylist.newBuilder()
                            .setSource(source).setUrl("https://x/1").setSourcePlaylistId("1").setFetchedAt(Instant.now())
                            .setTracks(List.of(RawTrackRow.newBuilder().setPosition(1).setRawText("A - T").build()))
                            .setParserVersion("p/1").setOutcome(ScrapeOutcome.OK).build()));
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    poll.run();
                    return seen.stream().anyMatch(a -> a.getRule().equals("SOURCE_STALLED") && a.getState().name().equals("RESOLVED"));
                });
            }
        }
        assertThat(seen.stream().filter(a -> a.getRule().equals("SOURCE_STALLED")).map(a -> a.getState().name()))
                .as("FIRING once before the restart, RESOLVED once after it").containsExactly("FIRING", "RESOLVED");
    }

    private static StreamsApp start(SongNodesConfig config, SchemaRegistryClient registry, KafkaConnection kafka) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        StreamsApp app = StreamsApp.start(AlertSettings.TOPOLOGY,
                SourceHealthTopology.build(AlertSettings.from(config), registry, meters, new AlertGauges(meters)),
                StreamsSettings.forTopology(AlertSettings.TOPOLOGY, config, kafka, Topics.DLQ_ALERTS.name()), new PlatformMetrics(), new Health());
        await().atMost(Duration.ofSeconds(60)).until(() -> app.state() == KafkaStreams.State.RUNNING);
        return app;
    }
}
