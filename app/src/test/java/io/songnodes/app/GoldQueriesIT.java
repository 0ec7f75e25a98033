package io.songnodes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.songnodes.gold.GoldTopology;
import io.songnodes.platform.Platform;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.EmbeddedSchemaRegistry;
import io.songnodes.platform.testkit.SharedKafka;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.silver.PlaylistStatus;
import io.songnodes.schemas.silver.SilverPlaylist;
import io.songnodes.schemas.silver.TrackPlay;
import io.songnodes.topology.StreamsApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of Gold on the real broker, each with its own HTTP server: either answers for every
 * key (routing by the Streams metadata), and when one stops the other serves every key once it has
 * taken over the stopped one's tasks.
 */
@ExtendWith(SharedKafka.class)
class GoldQueriesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Fixed keys, so which instance owns which is the same on every run. */
    private static final List<String> TRACKS = IntStream.rangeClosed(1, 8).mapToObj(i -> "gq-t" + i).toList();
    /** t1 goes on to t2 three times, to t3 and t5 once each; t2 to t4 twice, to t6 once; t4 always to t5. */
    private static final List<List<String>> SETS = List.of(
            List.of("gq-t1", "gq-t2", "gq-t4", "gq-t5"), List.of("gq-t1", "gq-t2", "gq-t4", "gq-t5"), List.of("gq-t1", "gq-t2", "gq-t6"),
            List.of("gq-t1", "gq-t3"), List.of("gq-t1", "gq-t5"), List.of("gq-t7", "gq-t8"));

    @TempDir
    Path stateDir;

    @Test
    void eitherInstanceAnswersEveryKeyAndTheSurvivorServesAllAfterTheOtherStops(KafkaConnection kafka, EmbeddedSchemaRegistry registry)
            throws Exception {
        String run = "gq-" + UUID.randomUUID().toString().substring(0, 8);
        Platform first = instance(kafka, registry, run, "a");
        Platform second = instance(kafka, registry, run, "b");
        try {
            StreamsApp goldA = Gold.start(first, config(kafka, registry, run, "a"));
            StreamsApp goldB = Gold.start(second, config(kafka, registry, run, "b"));
            await().atMost(Duration.ofSeconds(90)).until(() -> goldA.state() == KafkaStreams.State.RUNNING && goldB.state() == KafkaStreams.State.RUNNING);
            produce(kafka, registry);
            List<String> urls = List.of(first.http().baseUrl(), second.http().baseUrl());

            await().atMost(Duration.ofSeconds(60)).until(() -> everyTrackAnswers(urls));
            Set<String> owners = TRACKS.stream().map(t -> goldA.streams().queryMetadataForKey(GoldTopology.TRACK_CONTRIBUTIONS_STORE, t,
                    Serdes.String().serializer()).activeHost().toString()).collect(Collectors.toSet());
            assertThat(owners).as("the tracks are split between the two instances, so answers are routed").hasSize(2);

            for (String url : urls) {
                Map<String, Object> t1 = get(url + "/api/tracks/gq-t1", 200);
                assertThat(t1).containsEntry("track_key", "gq-t1").containsEntry("plays", 5).containsEntry("playlists", 5)
                        .containsEntry("title", "Track 1").containsEntry("bpm", null);
                assertThat(neighbourKeys(get(url + "/api/graph/neighbors/gq-t1?direction=out", 200)))
                        .containsExactly("gq-t2=3", "gq-t3=1", "gq-t5=1");
                assertThat(neighbourKeys(get(url + "/api/graph/neighbors/gq-t1?direction=out&limit=1", 200))).containsExactly("gq-t2=3");
                assertThat(neighbourKeys(get(url + "/api/graph/neighbors/gq-t5?direction=in&minCount=2", 200))).containsExactly("gq-t4=2");
                assertThat(get(url + "/api/graph/neighbors/gq-t2?direction=in", 200).toString()).contains("Track 1", "GQ Artist 1");
                Map<String, Object> path = get(url + "/api/graph/path?from=gq-t1&to=gq-t5", 200);
                assertThat(path.get("tracks").toString()).as("the frequent detour (0.6 x 2/3 x 1) beats the rare direct edge (0.2)")
                        .contains("gq-t1", "gq-t2", "gq-t4", "gq-t5");
                assertThat(path).containsEntry("hops", 3);
                assertThat(get(url + "/api/graph/path?from=gq-t1&to=gq-t5&maxHops=1", 200)).containsEntry("hops", 1);
                get(url + "/api/graph/path?from=gq-t3&to=gq-t1", 404);
                assertThat(trackKeys(get(url + "/api/tracks?artist=gq%20artist&limit=100", 200))).containsExactlyInAnyOrderElementsOf(TRACKS);
                assertThat(trackKeys(get(url + "/api/tracks?artist=GQ%20Artist&title=track%201", 200))).containsExactly("gq-t1");
                assertThat(get(url + "/api/artists/gq-artist-2", 200)).containsEntry("tracks", 1).containsEntry("plays", 3);
                assertThat(get(url + "/api/playlists/mixesdb:gq-set-0", 200)).containsEntry("status", "VALID");

                assertThat(get(url + "/api/tracks/gq-nope", 404).get("message").toString()).contains("gq-nope");
                assertThat(get(url + "/api/graph/neighbors/gq-t1?direction=sideways", 400).get("message").toString()).contains("'direction'");
                assertThat(get(url + "/api/graph/neighbors/gq-t1?limit=many", 400).get("message").toString()).contains("'limit'");
                assertThat(get(url + "/api/graph/path?to=gq-t5", 400).get("message").toString()).contains("'from'");
                assertThat(get(url + "/api/tracks", 400).get("message").toString()).contains("'artist'");
            }

            long stopped = System.nanoTime();
            second.close();
            second = null;
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> everyTrackAnswers(List.of(first.http().baseUrl())));
            System.out.printf("GoldQueriesIT: the survivor served every key %.1f s after the other instance stopped%n",
                    (System.nanoTime() - stopped) / 1e9);
            assertThat(neighbourKeys(get(first.http().baseUrl() + "/api/graph/neighbors/gq-t1", 200))).containsExactly("gq-t2=3", "gq-t3=1", "gq-t5=1");
            assertThat(get(first.http().baseUrl() + "/api/graph/path?from=gq-t1&to=gq-t5", 200)).containsEntry("hops", 3);
        } finally {
            if (second != null) {
                second.close();
            }
            first.close();
        }
    }

    private SongNodesConfig config(KafkaConnection kafka, EmbeddedSchemaRegistry registry, String run, String instance) {
        return SongNodesConfig.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "SCHEMA_REGISTRY_URL", registry.url().toString(),
                "SONGNODES_STREAMS_APPLICATION_ID", run, "SONGNODES_STREAMS_STATE_DIR", stateDir.resolve(instance).toString(),
                "SONGNODES_HTTP_PORT", "0"));
    }

    private Platform instance(KafkaConnection kafka, EmbeddedSchemaRegistry registry, String run, String instance) {
        return Platform.start(config(kafka, registry, run, instance), line -> { });
    }

    private static void produce(KafkaConnection kafka, EmbeddedSchemaRegistry registry) {
        try (KafkaProducer<String, SilverPlaylist> producer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                Topics.SILVER_PLAYLISTS.valueSerde(registry.client()).serializer())) {
            for (int i = 0; i < SETS.size(); i++) {
                String key = "mixesdb:gq-set-" + i;
                List<TrackPlay> plays = new ArrayList<>();
                List<String> set = SETS.get(i);
                for (int p = 0; p < set.size(); p++) {
                    String n = set.get(p).substring("gq-t".length());
                    plays.add(TrackPlay.newBuilder().setPlaylistKey(key).setPosition(p + 1).setGroup(p + 1)
                            .setRawText("GQ Artist " + n + " - Track " + n).setTrackKey(set.get(p)).setArtists(List.of("GQ Artist " + n))
                            .setTitle("Track " + n).setParserVersion("test").build());
                }
                producer.send(new ProducerRecord<>(Topics.SILVER_PLAYLISTS.name(), key, SilverPlaylist.newBuilder().setPlaylistKey(key)
                        .setSource("mixesdb").setSourcePlaylistId("gq-set-" + i).setUrl("https://www.mixesdb.com/w/gq-set-" + i)
                        .setDjs(List.of("DJ " + i)).setScrapedAt(Instant.parse("2026-11-25T06:00:00Z")).setScrapeOutcome("OK")
                        .setPageParserVersion("test").setLineParserVersion("test").setStatus(PlaylistStatus.VALID).setPlays(plays).build()));
            }
        }
    }

    private static boolean everyTrackAnswers(List<String> urls) throws Exception {
        for (String url : urls) {
            for (String track : TRACKS) {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/tracks/" + track)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() != 200) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Map<String, Object> get(String url, int expectedStatus) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " -> " + response.body()).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readValue(response.body(), new TypeReference<>() { });
    }

    @SuppressWarnings("unchecked")
    private static List<String> neighbourKeys(Map<String, Object> body) {
        return ((List<Map<String, Object>>) body.get("neighbors")).stream().map(n -> n.get("track_key") + "=" + n.get("occurrences")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> trackKeys(Map<String, Object> body) {
        return ((List<Map<String, Object>>) body.get("tracks")).stream().map(t -> (String) t.get("track_key")).toList();
    }
}
