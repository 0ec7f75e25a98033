package io.songnodes.silver;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.dlq.DeadLetterHeaders;
import io.songnodes.platform.testkit.InMemorySchemaRegistry;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.bronze.RawTrackRow;
import io.songnodes.schemas.bronze.ScrapeOutcome;
import io.songnodes.schemas.dlq.DeadLetter;
import io.songnodes.schemas.dlq.DeadLetterCategory;
import io.songnodes.schemas.silver.ExpectationResult;
import io.songnodes.schemas.silver.PlaylistStatus;
import io.songnodes.schemas.silver.SilverPlaylist;
import io.songnodes.schemas.silver.TrackPlay;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SilverTopologyTest {

    @TempDir
    Path stateDir;

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private SimpleMeterRegistry meters;
    private TopologyTestDriver driver;
    private TestInputTopic<String, BronzePlaylist> bronze;
    private TestInputTopic<byte[], byte[]> rawBronze;
    private TestOutputTopic<String, SilverPlaylist> playlists;
    private TestOutputTopic<String, TrackPlay> plays;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void start() {
        start(Map.of());
    }

    private void start(Map<String, String> environment) {
        if (driver != null) {
            driver.close();
        }
        meters = new SimpleMeterRegistry();
        SilverSettings settings = SilverSettings.from(SongNodesConfig.from(environment));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(SilverTopology.build(settings, registry, meters), props);
        bronze = driver.createInputTopic(Topics.BRONZE_PLAYLISTS.name(), new StringSerializer(),
                Topics.BRONZE_PLAYLISTS.valueSerde(registry).serializer());
        rawBronze = driver.createInputTopic(Topics.BRONZE_PLAYLISTS.name(), new ByteArraySerializer(), new ByteArraySerializer());
        playlists = driver.createOutputTopic(Topics.SILVER_PLAYLISTS.name(), new StringDeserializer(),
                Topics.SILVER_PLAYLISTS.valueSerde(registry).deserializer());
        plays = driver.createOutputTopic(Topics.SILVER_TRACK_PLAYS.name(), new StringDeserializer(),
                Topics.SILVER_TRACK_PLAYS.valueSerde(registry).deserializer());
        deadLetters = driver.createOutputTopic(Topics.DLQ_SILVER.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static RawTrackRow row(int position, String cue, String text) {
        return RawTrackRow.newBuilder().setPosition(position).setCue(cue).setRawText(text).build();
    }

    private static BronzePlaylist.Builder set(String id, String sha, RawTrackRow... rows) {
        return BronzePlaylist.newBuilder()
                .setSource("mixesdb").setUrl("https://www.mixesdb.com/w/" + id).setSourcePlaylistId(id)
                .setTitle("2017-10-22 - Ben Klock @ Awakenings").setDjs(List.of("Ben Klock"))
                .setTracks(List.of(rows)).setHttpStatus(200).setContentSha256(sha)
                .setFetchedAt(Instant.parse("2026-11-25T06:00:00Z")).setParserVersion("mixesdb-page/1.0")
                .setOutcome(ScrapeOutcome.OK);
    }

    private static final RawTrackRow[] SET = {
        row(1, "000", "Trevino - Sombre Tones [Klockworks - KW 20]"),
        row(2, "07", "?"),
        row(3, "12", "Emmanuel Top - Revision 02 (Ben Klock Process) [Attack - ET 002]"),
        row(4, "12", "w/ Robert Hood - Minus"),
        row(5, "19", "Trevino - Sombre Tones [Klockworks - KW 20]")};

    private void send(BronzePlaylist playlist) {
        bronze.pipeInput(playlist.getSource() + ":" + playlist.getSourcePlaylistId(), playlist);
    }

    private double failures(String expectation, String action) {
        return meters.find("songnodes_expectation_failures").tag("expectation", expectation).tag("action", action).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    @Test
    void aValidPlaylistIsPublishedWithEveryPlayInOrder() {
        send(set("mix-1", "aa", SET).build());
        TestRecord<String, SilverPlaylist> out = playlists.readRecord();
        assertThat(out.key()).isEqualTo("mixesdb:mix-1");
        SilverPlaylist silver = out.value();
        assertThat(silver.getStatus()).isEqualTo(PlaylistStatus.VALID);
        assertThat(silver.getFailures()).isEmpty();
        assertThat(silver.getPlays()).extracting(TrackPlay::getPosition).containsExactly(1, 2, 3, 4, 5);
        assertThat(silver.getPlays()).extracting(TrackPlay::getUnknown).containsExactly(false, true, false, false, false);
        assertThat(silver.getPlays()).extracting(TrackPlay::getGroup).containsExactly(1, 2, 3, 3, 4);
        assertThat(silver.getPlays().get(1).getTrackKey()).as("unknown plays are never merged").isNull();
        assertThat(silver.getPlays().get(0).getTrackKey()).as("a repeat is the same track").isEqualTo(silver.getPlays().get(4).getTrackKey());
        assertThat(silver.getPlays().get(2).getVersions()).singleElement()
                .satisfies(v -> assertThat(v.getRemixers()).containsExactly("Ben Klock"));
        assertThat(silver.getPlays().get(0).getLabel()).isEqualTo("Klockworks");
        assertThat(silver.getPlays().get(2).getCueSeconds()).isEqualTo(720);
        assertThat(plays.readValuesToList()).hasSize(5).allSatisfy(p -> assertThat(p.getPlaylistKey()).isEqualTo("mixesdb:mix-1"));
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void theSameContentAgainPublishesNothingAndChangedContentReplacesIt() {
        send(set("mix-1", "aa", SET).build());
        send(set("mix-1", "aa", SET).setFetchedAt(Instant.parse("2026-11-26T06:00:00Z")).build());
        assertThat(playlists.readRecordsToList()).hasSize(1);
        send(set("mix-1", "bb", SET[0], SET[2]).build());
        List<SilverPlaylist> versions = playlists.readValuesToList();
        assertThat(versions).singleElement().satisfies(v -> assertThat(v.getPlays()).hasSize(2));
        assertThat(meters.find("songnodes_silver_skipped").tag("reason", "unchanged").counter().count()).isEqualTo(1);
    }

    @Test
    void aPoisonPillIsDeadLetteredByteExactAndTheNextRecordStillFlows() {
        byte[] poison = "{\"definitely\": \"not avro\"}".getBytes();
        rawBronze.pipeInput("mixesdb:broken".getBytes(), poison);
        send(set("mix-2", "cc", SET).build());

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertThat(letter.value()).isEqualTo(poison);
        assertThat(letter.key()).isEqualTo("mixesdb:broken".getBytes());
        DeadLetter why = DeadLetterHeaders.read(letter.headers());
        assertThat(why.getCategory()).isEqualTo(DeadLetterCategory.DESERIALIZATION);
        assertThat(why.getExceptionClass()).isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(why.getSourceTopic()).isEqualTo(Topics.BRONZE_PLAYLISTS.name());
        assertThat(why.getSourceOffset()).isEqualTo(0L);
        assertThat(why.getProcessor()).isEqualTo(SilverTopology.PROCESSOR);
        assertThat(why.getApplicationId()).isEqualTo("songnodes-silver");
        assertThat(why.getStackTrace()).contains("SerializationException");
        assertThat(playlists.readKeyValue().key).isEqualTo("mixesdb:mix-2");
    }

    @Test
    void aReplayedRecordIsReprocessedAndAReplayedPoisonKeepsItsCount() {
        BronzePlaylist playlist = set("mix-r", "rr", SET).build();
        send(playlist);
        org.apache.kafka.common.header.internals.RecordHeaders replayed = new org.apache.kafka.common.header.internals.RecordHeaders();
        replayed.add("songnodes.replay.count", "1".getBytes());
        bronze.pipeInput(new TestRecord<>("mixesdb:mix-r", playlist, replayed));
        assertThat(playlists.readRecordsToList()).as("the replay is not taken for an unchanged re-scrape").hasSize(2);

        rawBronze.pipeInput(new TestRecord<>("k".getBytes(), "still not avro".getBytes(), replayed));
        assertThat(DeadLetterHeaders.read(deadLetters.readRecord().headers()).getReplayCount()).isEqualTo(1);
    }

    @Test
    void aRecordMissingARequiredFieldIsQuarantined() {
        send(set("mix-3", "dd", SET).setSourcePlaylistId(" ").build());
        DeadLetter why = DeadLetterHeaders.read(deadLetters.readRecord().headers());
        assertThat(why.getCategory()).isEqualTo(DeadLetterCategory.EXPECTATION);
        assertThat(why.getExpectation()).isEqualTo("bronze_required_fields");
        assertThat(why.getExceptionMessage()).contains("source_playlist_id");
        assertThat(why.getRecordSource()).isEqualTo("mixesdb");
        assertThat(playlists.isEmpty()).isTrue();
        assertThat(failures("bronze_required_fields", "QUARANTINE")).isEqualTo(1);
    }

    @Test
    void anEmptyTracklistFailsThePlaylistLoudly() {
        send(set("mix-4", "ee").setOutcome(ScrapeOutcome.EMPTY_TRACKLIST).setScrapeError("no Tracklist section on the page").build());
        SilverPlaylist silver = playlists.readValue();
        assertThat(silver.getStatus()).isEqualTo(PlaylistStatus.FAILED);
        assertThat(silver.getFailures()).extracting(ExpectationResult::getExpectation).containsExactly("page_had_tracklist");
        assertThat(plays.isEmpty()).as("a failed playlist's plays are not published").isTrue();
        assertThat(failures("page_had_tracklist", "FAIL_PLAYLIST")).isEqualTo(1);
    }

    @Test
    void zeroTracksWithoutAScrapeErrorIsTheSilentFailureTheSeedsMissed() {
        send(set("mix-5", "ff").build());
        SilverPlaylist silver = playlists.readValue();
        assertThat(silver.getStatus()).isEqualTo(PlaylistStatus.FAILED);
        assertThat(silver.getFailures()).extracting(ExpectationResult::getExpectation).containsExactly("has_tracks_or_scrape_error");
    }

    @Test
    void aSuspectedDecoyFailsAndACountMismatchWarns() {
        send(set("mix-6", "gg", SET).setOutcome(ScrapeOutcome.DECOY_SUSPECTED).setScrapeError("3 of 3 rows differ").build());
        assertThat(playlists.readValue().getFailures()).extracting(ExpectationResult::getExpectation).containsExactly("not_suspected_decoy");
        send(set("mix-7", "hh", SET).setOutcome(ScrapeOutcome.COUNT_MISMATCH).setDeclaredTrackCount(12).setScrapeError("5 of 12").build());
        SilverPlaylist mismatch = playlists.readValue();
        assertThat(mismatch.getStatus()).isEqualTo(PlaylistStatus.VALID);
        assertThat(mismatch.getWarnings()).extracting(ExpectationResult::getExpectation).containsExactly("rows_match_declared_count");
        assertThat(failures("rows_match_declared_count", "WARN")).isEqualTo(1);
    }

    @Test
    void untitledTracksAndCuesGoingBackAreWarnings() {
        send(set("mix-8", "ii", row(1, "10", "Trevino - Sombre Tones"), row(2, "05", "Only A Title")).build());
        SilverPlaylist silver = playlists.readValue();
        assertThat(silver.getStatus()).isEqualTo(PlaylistStatus.VALID);
        assertThat(silver.getWarnings()).extracting(ExpectationResult::getExpectation)
                .containsExactly("identified_tracks_have_artist_and_title", "cues_non_decreasing");
    }

    @Test
    void anExpectationsActionIsConfiguration() {
        start(Map.of("SONGNODES_SILVER_EXPECTATION_ROWS_MATCH_DECLARED_COUNT", "QUARANTINE"));
        send(set("mix-9", "jj", SET).setDeclaredTrackCount(12).build());
        assertThat(DeadLetterHeaders.read(deadLetters.readRecord().headers()).getExpectation()).isEqualTo("rows_match_declared_count");
        assertThat(playlists.isEmpty()).isTrue();
    }

    @Test
    void failedFetchesChangeNothingInSilver() {
        send(set("mix-10", null).setOutcome(ScrapeOutcome.HTTP_ERROR).setHttpStatus(503).setScrapeError("gave up").build());
        send(set("mix-10", null).setOutcome(ScrapeOutcome.NOT_MODIFIED).setHttpStatus(304).setScrapeError("unchanged").build());
        assertThat(playlists.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void replayingBronzeYieldsTheSameSilverKeysAndValues() {
        List<BronzePlaylist> input = List.of(set("a", "1", SET).build(), set("b", "2", SET[0]).build(), set("a", "3", SET[2]).build());
        input.forEach(this::send);
        List<TestRecord<String, SilverPlaylist>> first = new ArrayList<>(playlists.readRecordsToList());
        start(Map.of()); // a fresh application: empty state, as after a reset
        input.forEach(this::send);
        List<TestRecord<String, SilverPlaylist>> replayed = playlists.readRecordsToList();
        assertThat(replayed).extracting(TestRecord::key).containsExactlyElementsOf(first.stream().map(TestRecord::key).toList());
        assertThat(replayed).extracting(TestRecord::value).containsExactlyElementsOf(first.stream().map(TestRecord::value).toList());
    }
}
