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
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code enrich config set} changes the waterfall of a running worker, with no restart. */
@ExtendWith(SharedKafka.class)
class EnrichConfigIT {

    private static final Catalog CATALOG = Catalog.generate(Catalog.Shape.demo(42));

    @TempDir
    Path stateDir;

    @Test
    void aRuleSetFromTheCommandLineAppliesToTheNextTrack(KafkaConnection kafka, EmbeddedSchemaRegistry registry) throws Exception {
        String run = "cfg-" + UUID.randomUUID().toString().substring(0, 8);
        List<Catalog.Track> tracks = CATALOG.sets().get(1).plays().stream().filter(p -> !p.unidentified() && p.track().remix() == null)
                .map(Catalog.Play::track).distinct().limit(2).toList();
        try (ProviderSimulator providers = ProviderSimulator.start(CATALOG).latency(Duration.ZERO)) {
            Map<String, String> env = Map.ofEntries(Map.entry("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
                    Map.entry("SCHEMA_REGISTRY_URL", registry.url().toString()), Map.entry("SONGNODES_STREAMS_APPLICATION_ID", run),
                    Map.entry("SONGNODES_STREAMS_STATE_DIR", stateDir.toString()), Map.entry("SONGNODES_HTTP_PORT", "0"),
                    Map.entry("SONGNODES_ENRICH_MUSICBRAINZ_ENABLED", "true"), Map.entry("SONGNODES_ENRICH_MUSICBRAINZ_RATE", "50"),
                    Map.entry("SONGNODES_ENRICH_MUSICBRAINZ_BASE_URL", providers.baseUrl(Api.MUSICBRAINZ).toString()),
                    Map.entry("SONGNODES_ENRICH_DEEZER_ENABLED", "true"), Map.entry("SONGNODES_ENRICH_DEEZER_RATE", "50"),
                    Map.entry("SONGNODES_ENRICH_DEEZER_BASE_URL", providers.baseUrl(Api.DEEZER).toString()));
            SongNodesConfig config = SongNodesConfig.from(env);
            try (Platform platform = Platform.start(config, line -> { })) {
                Enrichment.start(platform, config);
                assertThat(enrich(kafka, registry, run + "-1", tracks.get(0)).getValues().get("isrc").getProvider())
                        .as("default: spotify (not enabled) > deezer > musicbrainz").isEqualTo("deezer");

                CliRun set = CliRun.of(env, "enrich", "config", "set", "isrc", "--providers", "musicbrainz,deezer", "--min-confidence", "0.9");
                assertThat(set.exitCode()).as(set.err()).isZero();
                assertThat(set.out()).contains("isrc: version ", "musicbrainz > deezer");
                assertThat(CliRun.of(env, "enrich", "config", "show").out()).containsPattern("isrc +yes +0\\.90 +\\d+ +musicbrainz > deezer");

                await().atMost(Duration.ofSeconds(30)).until(() -> "musicbrainz".equals(
                        enrich(kafka, registry, run + "-" + UUID.randomUUID(), tracks.get(1)).getValues().get("isrc").getProvider()));
                CliRun unknown = CliRun.of(env, "enrich", "config", "set", "tempo", "--providers", "deezer");
                assertThat(unknown.exitCode()).isEqualTo(SongNodesCli.EXIT_CONFIG);
                assertThat(unknown.err()).contains("<field>", "bpm");
                CliRun badProvider = CliRun.of(env, "enrich", "config", "set", "bpm", "--providers", "beatport");
                assertThat(badProvider.err()).contains("unknown provider beatport");
            }
        }
    }

    /** Sends one request and waits for its result. */
    private static EnrichmentResult enrich(KafkaConnection kafka, EmbeddedSchemaRegistry registry, String key, Catalog.Track track) {
        try (KafkaProducer<String, EnrichmentRequest> producer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                Topics.ENRICHMENT_REQUESTS.valueSerde(registry.client()).serializer())) {
            producer.send(new ProducerRecord<>(Topics.ENRICHMENT_REQUESTS.name(), key, EnrichmentRequest.newBuilder().setTrackKey(key)
                    .setArtists(List.of(track.artist())).setTitle(track.title()).setReason(RequestReason.NEW_TRACK)
                    .setRequestedAt(Instant.now()).build()));
        }
        return await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.table(kafka, registry.client(), Topics.ENRICHMENT_RESULTS).get(key),
                r -> r != null);
    }
}
