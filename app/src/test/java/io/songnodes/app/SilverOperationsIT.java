package io.songnodes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.songnodes.platform.Platform;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.EmbeddedSchemaRegistry;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.testkit.SharedKafka;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.bronze.RawTrackRow;
import io.songnodes.schemas.bronze.ScrapeOutcome;
import io.songnodes.schemas.silver.SilverPlaylist;
import io.songnodes.topology.StreamsApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands around Silver, on the real broker: dlq stats/list/replay and replay silver. */
@ExtendWith(SharedKafka.class)
class SilverOperationsIT {

    @TempDir
    Path stateDir;

    @Test
    void replaySilverReprocessesBronzeAndTheDeadLettersCanBeInspected(KafkaConnection kafka, EmbeddedSchemaRegistry registry)
            throws Exception {
        String run = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "SCHEMA_REGISTRY_URL", registry.url().toString(),
                "SONGNODES_STREAMS_APPLICATION_ID", run, "SONGNODES_STREAMS_STATE_DIR", stateDir.toString(), "SONGNODES_HTTP_PORT", "0");
        SongNodesConfig config = SongNodesConfig.from(env);
        SchemaRegistryClient client = registry.client();

        try (Platform platform = Platform.start(config, line -> { })) {
            StreamsApp silver = Silver.start(platform, config);
            await().atMost(Duration.ofSeconds(60)).until(() -> silver.state() == KafkaStreams.State.RUNNING);
            produce(kafka, client, run);
            assertThat(silverFor(kafka, client, run, 3)).hasSize(3);

            CliRun refused = CliRun.of(env, "replay", "silver", "--to-earliest");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("still has", "running member");
        }

        CliRun dryRun = CliRun.of(env, "replay", "silver", "--to-earliest", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("Would reset " + run + "-silver", "bronze.playlists.v1-0 -> offset 0",
                "delete internal topic " + run + "-silver-silver-content-versions-changelog");
        CliRun reset = CliRun.of(env, "replay", "silver", "--to-earliest");
        assertThat(reset.exitCode()).as(reset.err()).isZero();

        try (Platform platform = Platform.start(config, line -> { })) {
            Silver.start(platform, config);
            assertThat(silverFor(kafka, client, run, 6)).as("every playlist published again after the reset").hasSize(6);
        }

        CliRun stats = CliRun.of(env, "dlq", "stats");
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("dlq.silver.v1:", "DESERIALIZATION");
        CliRun list = CliRun.of(env, "dlq", "list", "--since", "1h");
        assertThat(list.out()).contains("DESERIALIZATION", "bronze.playlists.v1");
        CliRun replay = CliRun.of(env, "dlq", "replay", "--dry-run", "--since", "1h");
        assertThat(replay.out()).containsPattern("Would replay \\d+ letter\\(s\\)");
    }

    private static void produce(KafkaConnection kafka, SchemaRegistryClient registry, String run) {
        try (KafkaProducer<String, BronzePlaylist> producer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                Topics.BRONZE_PLAYLISTS.valueSerde(registry).serializer());
             KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(kafka.producerProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.BRONZE_PLAYLISTS.name(), (run + "-poison").getBytes(), "not avro".getBytes()));
            for (int i = 0; i < 3; i++) {
                String id = run + "-" + i;
                producer.send(new ProducerRecord<>(Topics.BRONZE_PLAYLISTS.name(), "mixesdb:" + id, BronzePlaylist.newBuilder()
                        .setSource("mixesdb").setUrl("https://www.mixesdb.com/w/" + id).setSourcePlaylistId(id)
                        .setTracks(List.of(RawTrackRow.newBuilder().setPosition(1).setRawText("Trevino - Sombre Tones").build()))
                        .setContentSha256("sha-" + id).setHttpStatus(200).setFetchedAt(Instant.now()).setParserVersion("mixesdb-page/1.0")
                        .setOutcome(ScrapeOutcome.OK).build()));
            }
        }
    }

    private static List<SilverPlaylist> silverFor(KafkaConnection kafka, SchemaRegistryClient registry, String run, int expected) {
        List<SilverPlaylist> found = new ArrayList<>();
        try (KafkaConsumer<String, SilverPlaylist> consumer = new KafkaConsumer<>(kafka.consumerProperties("ops-" + UUID.randomUUID()),
                new StringDeserializer(), Topics.SILVER_PLAYLISTS.valueSerde(registry).deserializer())) {
            consumer.subscribe(List.of(Topics.SILVER_PLAYLISTS.name()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (r.key().startsWith("mixesdb:" + run)) {
                        found.add(r.value());
                    }
                });
                return found.size() >= expected;
            });
        }
        return found;
    }
}
