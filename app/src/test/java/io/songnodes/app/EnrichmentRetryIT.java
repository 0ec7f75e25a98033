package io.songnodes.app;

import io.songnodes.platform.kafka.TopicReader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.songnodes.platform.Platform;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.EmbeddedSchemaRegistry;
import io.songnodes.platform.testkit.SharedKafka;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.enrichment.EnrichmentRequest;
import io.songnodes.schemas.enrichment.EnrichmentResult;
import io.songnodes.schemas.enrichment.RequestReason;
import io.songnodes.scrape.simulator.Catalog;
import io.songnodes.scrape.simulator.ProviderSimulator;
import io.songnodes.scrape.simulator.ProviderSimulator.Api;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider that stays down: the request waits on each retry topic in turn, then goes to
 * dlq.enrichment.v1 with its reason; once the provider is back, {@code dlq replay} enriches it.
 * An unreadable request is dead-lettered at once, and the worker goes on.
 */
@ExtendWith(SharedKafka.class)
class EnrichmentRetryIT {

    private static final Catalog CATALOG = Catalog.generate(Catalog.Shape.demo(42));

    @TempDir
    Path stateDir;

    @Test
    void aRequestOutlastingItsRetriesIsDeadLetteredAndReplayable(KafkaConnection kafka, EmbeddedSchemaRegistry registry) throws Exception {
        String run = "retry-" + UUID.randomUUID().toString().substring(0, 8);
        Catalog.Track track = CATALOG.sets().get(0).plays().stream().filter(p -> !p.unidentified()).findFirst().orElseThrow().track();
        String key = run + "-track";
        try (ProviderSimulator providers = ProviderSimulator.start(CATALOG).latency(Duration.ZERO).failing(Api.DEEZER, true)) {
            Map<String, String> env = Map.ofEntries(Map.entry("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
                    Map.entry("SCHEMA_REGISTRY_URL", registry.url().toString()), Map.entry("SONGNODES_STREAMS_APPLICATION_ID", run),
                    Map.entry("SONGNODES_STREAMS_STATE_DIR", stateDir.toString()), Map.entry("SONGNODES_HTTP_PORT", "0"),
                    Map.entry("SONGNODES_ENRICH_DEEZER_ENABLED", "true"), Map.entry("SONGNODES_ENRICH_DEEZER_RATE", "50"),
                    Map.entry("SONGNODES_ENRICH_DEEZER_BASE_URL", providers.baseUrl(Api.DEEZER).toString()),
                    Map.entry("SONGNODES_ENRICH_MAX_ATTEMPTS", "1"), Map.entry("SONGNODES_ENRICH_RETRY_DELAYS", "1s,1s,1s"));
            SongNodesConfig config = SongNodesConfig.from(env);
            try (Platform platform = Platform.start(config, line -> { })) {
                Enrichment.start(platform, config);
                try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(kafka.producerProperties(), new ByteArraySerializer(), new ByteArraySerializer());
                     KafkaProducer<String, EnrichmentRequest> producer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                             Topics.ENRICHMENT_REQUESTS.valueSerde(registry.client()).serializer())) {
                    raw.send(new ProducerRecord<>(Topics.ENRICHMENT_REQUESTS.name(), (run + "-poison").getBytes(), "not avro".getBytes()));
                    producer.send(new ProducerRecord<>(Topics.ENRICHMENT_REQUESTS.name(), key, EnrichmentRequest.newBuilder().setTrackKey(key)
                            .setArtists(List.of(track.artist())).setTitle(track.title()).setReason(RequestReason.NEW_TRACK)
                            .setRequestedAt(Instant.now()).build()));
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> letters(env, run).contains("gave up after 4 tries"));
                for (int stage = 0; stage < 3; stage++) {
                    assertThat(TopicReader.table(kafka, registry.client(), Topics.ENRICHMENT_RETRIES.get(stage))).as("waited on retry topic " + (stage + 1))
                            .containsKey(key);
                }
                assertThat(letters(env, run)).contains("DESERIALIZATION");
                EnrichmentResult partial = TopicReader.table(kafka, registry.client(), Topics.ENRICHMENT_RESULTS).get(key);
                assertThat(partial.getMissing().get("bpm")).contains("deezer", "UNAVAILABLE");

                providers.failing(Api.DEEZER, false);
                CliRun replay = CliRun.of(env, "dlq", "replay", "--topic", Topics.DLQ_ENRICHMENT.name(), "--since", "1h");
                assertThat(replay.exitCode()).as(replay.err()).isZero();
                await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.table(kafka, registry.client(), Topics.ENRICHMENT_RESULTS).get(key)
                        .getValues().containsKey("isrc"));
            }
        }
    }

    private static String letters(Map<String, String> env, String run) {
        CliRun list = CliRun.of(env, "dlq", "list", "--topic", Topics.DLQ_ENRICHMENT.name(), "--since", "1h");
        return list.out().lines().filter(l -> l.contains(run) || l.contains("DESERIALIZATION") || l.contains("gave up"))
                .reduce("", (a, b) -> a + b + "\n");
    }
}
