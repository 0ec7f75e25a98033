package io.songnodes.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.dlq.DeadLetterQueue;
import io.songnodes.platform.health.Health;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.metrics.PlatformMetrics;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.testkit.SharedKafka;
import io.songnodes.platform.topics.TopicAdmin;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.bronze.RawTrackRow;
import io.songnodes.schemas.bronze.ScrapeOutcome;
import io.songnodes.schemas.silver.ExpectationResult;
import io.songnodes.schemas.silver.SilverPlaylist;
import io.songnodes.topology.StreamsApp;
import io.songnodes.topology.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Silver on the real broker: Bronze in, Silver out, exactly once through a restart; a DLQ replay after a fix. */
@ExtendWith(SharedKafka.class)
class SilverIT {

    @TempDir
    Path stateDir;

    private static KafkaConnection kafka;
    private static SchemaRegistryClient registry;

    @BeforeAll
    static void topics(KafkaConnection sharedKafka, SchemaRegistryClient sharedRegistry) {
        kafka = sharedKafka;
        registry = sharedRegistry;
        try (Admin admin = kafka.admin()) {
            new TopicAdmin(admin).apply(Topics.ALL);
        }
    }

    private SongNodesConfig config(String applicationPrefix, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of("SONGNODES_STREAMS_APPLICATION_ID", applicationPrefix,
                "SONGNODES_STREAMS_STATE_DIR", stateDir.toString()));
        env.putAll(more);
        return SongNodesConfig.from(env);
    }

    private StreamsApp start(SongNodesConfig config) {
        StreamsApp app = StreamsApp.start(SilverSettings.TOPOLOGY,
                SilverTopology.build(SilverSettings.from(config), registry, new PlatformMetrics().registry()),
                StreamsSettings.forTopology(SilverSettings.TOPOLOGY, config, kafka, Topics.DLQ_SILVER.name()),
                new PlatformMetrics(), new Health());
        await().atMost(Duration.ofSeconds(60)).until(() -> app.state() == KafkaStreams.State.RUNNING);
        return app;
    }

    private static BronzePlaylist playlist(String id, Integer declared) {
        return BronzePlaylist.newBuilder()
                .setSource("mixesdb").setUrl("https://www.mixesdb.com/w/" + id).setSourcePlaylistId(id)
                .setTracks(List.of(RawTrackRow.newBuilder().setPosition(1).setRawText("Trevino - Sombre Tones [Klockworks - KW 20]").build(),
                        RawTrackRow.newBuilder().setPosition(2).setRawText("?").build()))
                .setDeclaredTrackCount(declared)
                .setHttpStatus(200).setContentSha256("sha-" + id).setFetchedAt(Instant.now()).setParserVersion("mixesdb-page/1.0")
                .setOutcome(ScrapeOutcome.OK).build();
    }

    private static void produce(List<BronzePlaylist> playlists) {
        try (KafkaProducer<String, BronzePlaylist> producer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                Topics.BRONZE_PLAYLISTS.valueSerde(registry).serializer())) {
            playlists.forEach(p -> producer.send(new ProducerRecord<>(Topics.BRONZE_PLAYLISTS.name(), "mixesdb:" + p.getSourcePlaylistId(), p)));
        }
    }

    /** Everything committed to silver.playlists.v1 for keys with this prefix. */
    private static List<SilverPlaylist> silver(String keyPrefix, int atLeast) {
        List<SilverPlaylist> found = new ArrayList<>();
        try (KafkaConsumer<String, SilverPlaylist> consumer = new KafkaConsumer<>(kafka.consumerProperties("silver-it-" + UUID.randomUUID()),
                new StringDeserializer(), Topics.SILVER_PLAYLISTS.valueSerde(registry).deserializer())) {
            consumer.subscribe(List.of(Topics.SILVER_PLAYLISTS.name()));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (r.key().startsWith(keyPrefix)) {
                        found.add(r.value());
                    }
                });
                return found.size() >= atLeast;
            });
            // Anything more would be a duplicate: read on a little.
            long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().startsWith(keyPrefix)) {
                        found.add(r.value());
                    }
                });
            }
        }
        return found;
    }

    @Test
    void everyBronzeRecordReachesSilverExactlyOnceThroughARestart() {
        String run = "eos-" + UUID.randomUUID().toString().substring(0, 8);
        SongNodesConfig config = config(run, Map.of());
        List<BronzePlaylist> input = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            input.add(playlist(run + "-" + i, null));
        }
        StreamsApp first = start(config);
        produce(input.subList(0, 150));
        silver("mixesdb:" + run, 20);
        first.close(); // mid-stream: more records are on their way
        produce(input.subList(150, 300));
        try (StreamsApp second = start(config)) {
            List<SilverPlaylist> out = silver("mixesdb:" + run, 300);
            assertThat(out).hasSize(300);
            assertThat(out).extracting(SilverPlaylist::getPlaylistKey).doesNotHaveDuplicates();
        }
    }

    @Test
    void aDeadLetterReplayedAfterTheFixFlowsThrough() throws InterruptedException {
        String run = "dlq-" + UUID.randomUUID().toString().substring(0, 8);
        BronzePlaylist mismatch = playlist(run + "-1", 12);
        try (StreamsApp strict = start(config(run, Map.of("SONGNODES_SILVER_EXPECTATION_ROWS_MATCH_DECLARED_COUNT", "QUARANTINE")))) {
            produce(List.of(mismatch));
            DeadLetterQueue dlq = new DeadLetterQueue(kafka, Topics.DLQ_SILVER.name());
            DeadLetterQueue.Filter ours = new DeadLetterQueue.Filter(Optional.of("rows_match_declared_count"), Optional.of("mixesdb"),
                    Optional.empty());
            await().atMost(Duration.ofSeconds(60)).until(() -> dlq.list(ours).stream()
                    .anyMatch(l -> new String(l.key()).equals("mixesdb:" + mismatch.getSourcePlaylistId())));
        }
        // The fix: the expectation was too strict; it only warns now.
        try (StreamsApp fixed = start(config(run, Map.of()))) {
            DeadLetterQueue dlq = new DeadLetterQueue(kafka, Topics.DLQ_SILVER.name());
            List<DeadLetterQueue.Letter> replayed = dlq.replay(new DeadLetterQueue.Filter(Optional.of("rows_match_declared_count"),
                    Optional.empty(), Optional.empty()), false, 50, l -> { });
            assertThat(replayed).anyMatch(l -> new String(l.key()).equals("mixesdb:" + mismatch.getSourcePlaylistId()));
            SilverPlaylist through = silver("mixesdb:" + run, 1).get(0);
            assertThat(through.getWarnings()).extracting(ExpectationResult::getExpectation).containsExactly("rows_match_declared_count");
        }
    }
}
