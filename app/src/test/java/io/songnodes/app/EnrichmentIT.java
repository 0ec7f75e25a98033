package io.songnodes.app;

import io.songnodes.platform.kafka.TopicReader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.songnodes.platform.Platform;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.kafka.EmbeddedKafkaBroker;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.bronze.RawTrackRow;
import io.songnodes.schemas.bronze.ScrapeOutcome;
import io.songnodes.schemas.enrichment.EnrichmentRequest;
import io.songnodes.schemas.enrichment.EnrichmentResult;
import io.songnodes.schemas.enrichment.RequestReason;
import io.songnodes.schemas.gold.Track;
import io.songnodes.schemas.silver.SilverPlaylist;
import io.songnodes.schemas.silver.TrackPlay;
import io.songnodes.scrape.simulator.Catalog;
import io.songnodes.scrape.simulator.ProviderSimulator;
import io.songnodes.scrape.simulator.ProviderSimulator.Api;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bronze → Silver → enrichment → Gold on the real broker, against the simulated MusicBrainz and
 * Deezer: every unique track is requested exactly once however often it is played, its fields
 * reach Gold, and a restarted worker answers a second pass from the cache without calling anyone.
 * A broker of its own: the calls counted must be this test's, not answers to other tests' tracks or
 * answers they cached.
 */
class EnrichmentIT {

    private static final Catalog CATALOG = Catalog.generate(Catalog.Shape.demo(42));

    @TempDir
    Path stateDir;

    @Test
    void everyUniqueTrackIsEnrichedOnceAndASecondPassComesFromTheCache() throws Exception {
        String run = "enr-" + UUID.randomUUID().toString().substring(0, 8);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             ProviderSimulator providers = ProviderSimulator.start(CATALOG).latency(Duration.ZERO)) {
            SongNodesConfig config = SongNodesConfig.from(Map.ofEntries(Map.entry("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()),
                    Map.entry("SONGNODES_STREAMS_APPLICATION_ID", run),
                    Map.entry("SONGNODES_STREAMS_STATE_DIR", stateDir.toString()), Map.entry("SONGNODES_HTTP_PORT", "0"),
                    Map.entry("SONGNODES_ENRICH_MUSICBRAINZ_ENABLED", "true"), Map.entry("SONGNODES_ENRICH_MUSICBRAINZ_RATE", "50"),
                    Map.entry("SONGNODES_ENRICH_MUSICBRAINZ_BASE_URL", providers.baseUrl(Api.MUSICBRAINZ).toString()),
                    Map.entry("SONGNODES_ENRICH_DEEZER_ENABLED", "true"), Map.entry("SONGNODES_ENRICH_DEEZER_RATE", "50"),
                    Map.entry("SONGNODES_ENRICH_DEEZER_BASE_URL", providers.baseUrl(Api.DEEZER).toString())));
            Set<String> tracks;
            Map<String, EnrichmentResult> results;
            long firstPassMillis;
            try (Platform platform = Platform.start(config, line -> { })) {
                Silver.start(platform, config);
                Gold.start(platform, config);
                Enrichment.start(platform, config);
                long started = System.nanoTime();
                int plays = produceEverySetTwice(platform.kafka(), platform.registry(), run);
                tracks = trackKeys(await().atMost(Duration.ofSeconds(90)).until(() -> silverPlaylists(platform, run),
                        playlists -> playlists.size() == CATALOG.sets().size() * 2));
                results = await().atMost(Duration.ofSeconds(120)).until(() -> resultsFor(platform, tracks), r -> r.size() == tracks.size());
                firstPassMillis = (System.nanoTime() - started) / 1_000_000;

                Instant lastResult = results.values().stream().map(EnrichmentResult::getEnrichedAt).max(Instant::compareTo).orElseThrow();
                Instant firstRequest = firstRequest(platform, tracks);
                System.out.printf("EnrichmentIT: enrichment alone, first request to last result: %d ms (%.1f tracks/s)%n",
                        Duration.between(firstRequest, lastResult).toMillis(),
                        tracks.size() * 1000.0 / Math.max(1, Duration.between(firstRequest, lastResult).toMillis()));
                Map<String, Long> requestsPerTrack = requests(platform, tracks);
                assertThat(requestsPerTrack).as("%d plays of %d unique tracks: one request each", plays, tracks.size())
                        .hasSize(tracks.size()).allSatisfy((track, n) -> assertThat(n).isEqualTo(1L));
                assertThat(results.values()).allSatisfy(r -> assertThat(r.getValues()).containsKeys("isrc", "duration", "release_date"));
                Map<String, Track> gold = await().atMost(Duration.ofSeconds(60)).until(() -> TopicReader.table(platform.kafka(), platform.registry(),
                        Topics.GOLD_TRACKS), g -> tracks.stream().allMatch(t -> g.containsKey(t) && g.get(t).getIsrc() != null));
                assertThat(tracks).allSatisfy(t -> assertThat(gold.get(t).getEnrichedBy()).containsEntry("isrc", "deezer"));
            }
            int mbCalls = providers.requests(Api.MUSICBRAINZ);
            int deezerCalls = providers.requests(Api.DEEZER);
            System.out.printf("EnrichmentIT: %d unique tracks enriched in %d ms from the first Bronze event (%.1f tracks/s); "
                            + "calls per unique track: musicbrainz %.2f, deezer %.2f%n", tracks.size(), firstPassMillis,
                    tracks.size() * 1000.0 / firstPassMillis, (double) mbCalls / tracks.size(), (double) deezerCalls / tracks.size());
            assertThat(mbCalls).as("musicbrainz once per unique track").isEqualTo(tracks.size());
            assertThat(deezerCalls).as("deezer: a search and a track lookup per unique track").isEqualTo(2 * tracks.size());

            // A restarted worker, asked again for every track: everything comes from the cache topic.
            try (Platform platform = Platform.start(config, line -> { })) {
                var enrichment = Enrichment.start(platform, config).orElseThrow();
                Instant asked = Instant.now();
                requestAgain(platform.kafka(), platform.registry(), results.keySet(), tracks.size());
                await().atMost(Duration.ofSeconds(60)).until(() -> resultsFor(platform, tracks).values().stream()
                        .allMatch(r -> r.getEnrichedAt().isAfter(asked)));
                double hits = platform.metrics().registry().find("songnodes_enrichment_cache_requests").tag("result", "hit").counters()
                        .stream().mapToDouble(c -> c.count()).sum();
                double misses = platform.metrics().registry().find("songnodes_enrichment_cache_requests").tag("result", "miss").counters()
                        .stream().mapToDouble(c -> c.count()).sum();
                System.out.printf("EnrichmentIT: second pass after a restart: cache hit ratio %.0f%% (%.0f hits, %.0f misses), provider calls %d%n",
                        100 * hits / (hits + misses), hits, misses, providers.requests(Api.MUSICBRAINZ) + providers.requests(Api.DEEZER) - mbCalls - deezerCalls);
                assertThat(providers.requests(Api.MUSICBRAINZ)).as("no refetch after a restart").isEqualTo(mbCalls);
                assertThat(providers.requests(Api.DEEZER)).isEqualTo(deezerCalls);
                assertThat(misses).isZero();
                assertThat(enrichment.providers()).hasSize(2);
            }
        }
    }

    /** Every simulated set as a MixesDB and a 1001Tracklists Bronze event: most tracks are played several times. */
    private static int produceEverySetTwice(KafkaConnection kafka, SchemaRegistryClient registry, String run) {
        int plays = 0;
        try (KafkaProducer<String, BronzePlaylist> producer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                Topics.BRONZE_PLAYLISTS.valueSerde(registry).serializer())) {
            for (String source : List.of("mixesdb", "1001tracklists")) {
                for (Catalog.DjSet set : CATALOG.sets()) {
                    List<RawTrackRow> rows = new ArrayList<>();
                    for (Catalog.Play play : set.plays()) {
                        rows.add(RawTrackRow.newBuilder().setPosition(rows.size() + 1).setRawText(play.unidentified() ? "ID - ID" : play.track().line())
                                .build());
                        plays++;
                    }
                    String id = run + "-" + set.id();
                    producer.send(new ProducerRecord<>(Topics.BRONZE_PLAYLISTS.name(), source + ":" + id, BronzePlaylist.newBuilder()
                            .setSource(source).setUrl("https://example.org/" + id).setSourcePlaylistId(id).setTracks(rows)
                            .setContentSha256("sha-" + source + id).setHttpStatus(200).setFetchedAt(Instant.now())
                            .setParserVersion("test-page/1.0").setOutcome(ScrapeOutcome.OK).build()));
                }
            }
        }
        return plays;
    }

    /** This run's Silver playlists, read in one go. */
    private static Map<String, SilverPlaylist> silverPlaylists(Platform platform, String run) {
        Map<String, SilverPlaylist> playlists = TopicReader.table(platform.kafka(), platform.registry(), Topics.SILVER_PLAYLISTS);
        playlists.keySet().removeIf(key -> !key.contains(run));
        return playlists;
    }

    /** The track keys Silver gave these playlists' plays. */
    private static Set<String> trackKeys(Map<String, SilverPlaylist> playlists) {
        return playlists.values().stream().flatMap(p -> p.getPlays().stream())
                .map(TrackPlay::getTrackKey).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static Map<String, EnrichmentResult> resultsFor(Platform platform, Set<String> tracks) {
        Map<String, EnrichmentResult> all = TopicReader.table(platform.kafka(), platform.registry(), Topics.ENRICHMENT_RESULTS);
        all.keySet().retainAll(tracks);
        return all;
    }

    private static Map<String, Long> requests(Platform platform, Set<String> tracks) {
        Map<String, Long> counts = new HashMap<>();
        TopicReader.readToEnd(platform.kafka(), Topics.ENRICHMENT_REQUESTS.name(),
                new StringDeserializer(), Topics.ENRICHMENT_REQUESTS.valueSerde(platform.registry()).deserializer(),
                Duration.ofSeconds(30), r -> {
                    if (tracks.contains(r.key())) {
                        counts.merge(r.key(), 1L, Long::sum);
                    }
                });
        return counts;
    }

    private static Instant firstRequest(Platform platform, Set<String> tracks) {
        List<Instant> at = new ArrayList<>();
        TopicReader.readToEnd(platform.kafka(), Topics.ENRICHMENT_REQUESTS.name(),
                new StringDeserializer(), Topics.ENRICHMENT_REQUESTS.valueSerde(platform.registry()).deserializer(),
                Duration.ofSeconds(30), r -> {
                    if (tracks.contains(r.key())) {
                        at.add(r.value().getRequestedAt());
                    }
                });
        return at.stream().min(Instant::compareTo).orElseThrow();
    }

    private static void requestAgain(KafkaConnection kafka, SchemaRegistryClient registry, Set<String> tracks, int expected) {
        Map<String, EnrichmentRequest> first = new HashMap<>();
        TopicReader.readToEnd(kafka, Topics.ENRICHMENT_REQUESTS.name(),
                new StringDeserializer(), Topics.ENRICHMENT_REQUESTS.valueSerde(registry).deserializer(),
                Duration.ofSeconds(30), r -> {
                    if (tracks.contains(r.key())) {
                        first.putIfAbsent(r.key(), r.value());
                    }
                });
        assertThat(first).hasSize(expected);
        try (KafkaProducer<String, EnrichmentRequest> producer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                Topics.ENRICHMENT_REQUESTS.valueSerde(registry).serializer())) {
            first.forEach((track, request) -> producer.send(new ProducerRecord<>(Topics.ENRICHMENT_REQUESTS.name(), track,
                    EnrichmentRequest.newBuilder(request).setReason(RequestReason.EXPIRED).setRequestedAt(Instant.now()).build())));
        }
    }
}
