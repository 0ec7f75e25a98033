package io.songnodes.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.songnodes.platform.testkit.InMemorySchemaRegistry;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.enrichment.EnrichmentRequest;
import io.songnodes.schemas.enrichment.EnrichmentResult;
import io.songnodes.schemas.enrichment.RequestReason;
import io.songnodes.schemas.enrichment.WaterfallRule;
import io.songnodes.schemas.silver.TrackPlay;
import io.songnodes.schemas.silver.TrackVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichmentRequestTopologyTest {

    private static final Instant START = Instant.parse("2026-11-25T06:00:00Z");

    @TempDir
    Path stateDir;

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, TrackPlay> plays;
    private TestInputTopic<String, EnrichmentResult> results;
    private TestInputTopic<String, WaterfallRule> rules;
    private TestOutputTopic<String, EnrichmentRequest> requests;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "requests-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(EnrichmentRequestTopology.build(registry,
                new EnrichmentRequestTopology.Timing(Duration.ofDays(30), Duration.ofDays(1), Duration.ofMinutes(1))), props, START);
        plays = driver.createInputTopic(Topics.SILVER_TRACK_PLAYS.name(), new StringSerializer(), Topics.SILVER_TRACK_PLAYS.valueSerde(registry).serializer());
        results = driver.createInputTopic(Topics.ENRICHMENT_RESULTS.name(), new StringSerializer(), Topics.ENRICHMENT_RESULTS.valueSerde(registry).serializer());
        rules = driver.createInputTopic(Topics.CONFIG_ENRICHMENT_WATERFALL.name(), new StringSerializer(),
                Topics.CONFIG_ENRICHMENT_WATERFALL.valueSerde(registry).serializer());
        requests = driver.createOutputTopic(Topics.ENRICHMENT_REQUESTS.name(), new StringDeserializer(), Topics.ENRICHMENT_REQUESTS.valueSerde(registry).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void play(String playlist, String track) {
        plays.pipeInput(playlist, TrackPlay.newBuilder().setPlaylistKey(playlist).setPosition(1).setGroup(1).setRawText(track)
                .setTrackKey(track).setArtists(List.of("Dax J")).setTitle("Reign Of Terror")
                .setVersions(List.of(TrackVersion.newBuilder().setName("Remix").setRemixers(List.of("Ø [Phase]")).build()))
                .setParserVersion("test").build());
    }

    private void result(String track, Map<String, String> missing, Map<String, Long> versions) {
        results.pipeInput(track, EnrichmentResult.newBuilder().setTrackKey(track).setEnrichedAt(START.plusSeconds(10)).setMissing(missing)
                .setWaterfallVersions(versions).build());
    }

    @Test
    void eachUniqueTrackIsRequestedOnceHoweverOftenItIsPlayed() {
        play("p1", "t1");
        play("p1", "t2");
        play("p2", "t1");
        play("p3", "t1");
        plays.pipeInput("p4", TrackPlay.newBuilder().setPlaylistKey("p4").setPosition(1).setGroup(1).setRawText("ID - ID").setUnknown(true)
                .setParserVersion("test").build());
        List<EnrichmentRequest> sent = requests.readValuesToList();
        assertThat(sent).extracting(EnrichmentRequest::getTrackKey).containsExactly("t1", "t2");
        assertThat(sent.get(0).getReason()).isEqualTo(RequestReason.NEW_TRACK);
        assertThat(sent.get(0).getVersion()).isEqualTo("Ø [Phase] Remix");
        assertThat(sent.get(0).getRemixers()).containsExactly("Ø [Phase]");
        driver.advanceWallClockTime(Duration.ofMinutes(5));
        assertThat(requests.readValuesToList()).as("nothing expired or changed").isEmpty();
    }

    @Test
    void aTrackIsAskedAgainWhenItsEnrichmentExpires() {
        play("p1", "t1");
        requests.readValuesToList();
        driver.advanceWallClockTime(Duration.ofHours(23));
        assertThat(requests.readValuesToList()).as("no result yet: the request is outstanding").isEmpty();
        driver.advanceWallClockTime(Duration.ofHours(2));
        assertThat(requests.readValuesToList()).as("no result after a day: the request was lost, ask again").hasSize(1);
        result("t1", Map.of(), Map.of());
        driver.advanceWallClockTime(Duration.ofDays(2));
        assertThat(requests.readValuesToList()).extracting(EnrichmentRequest::getReason).containsExactly(RequestReason.EXPIRED);
        driver.advanceWallClockTime(Duration.ofMinutes(5));
        assertThat(requests.readValuesToList()).as("asked once, then waits for the answer").isEmpty();
    }

    @Test
    void aWaterfallChangeReRequestsOnlyTracksLackingThatField() {
        play("p1", "t1");
        play("p1", "t2");
        requests.readValuesToList();
        result("t1", Map.of("bpm", "deezer: no candidate"), Map.of("bpm", 0L));
        result("t2", Map.of(), Map.of("bpm", 0L));
        rules.pipeInput("bpm", WaterfallRule.newBuilder().setField("bpm").setProviders(List.of("deezer", "musicbrainz")).setVersion(1).build());
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        List<EnrichmentRequest> again = requests.readValuesToList();
        assertThat(again).extracting(EnrichmentRequest::getTrackKey).containsExactly("t1");
        assertThat(again.get(0).getReason()).isEqualTo(RequestReason.WATERFALL_CHANGED);
        assertThat(again.get(0).getFields()).containsExactly("bpm");
        result("t1", Map.of("bpm", "still nothing"), Map.of("bpm", 1L));
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        assertThat(requests.readValuesToList()).as("already tried under version 1").isEmpty();
    }
}
