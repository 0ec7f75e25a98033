package io.songnodes.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.songnodes.platform.testkit.InMemorySchemaRegistry;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.gold.Track;
import io.songnodes.schemas.gold.Transition;
import io.songnodes.schemas.silver.PlaylistStatus;
import io.songnodes.schemas.silver.SilverPlaylist;
import io.songnodes.schemas.silver.TrackPlay;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldTopologyTest {

    @TempDir
    Path stateDir;

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, SilverPlaylist> silver;
    private TestOutputTopic<String, Transition> gold;
    private TestOutputTopic<String, Track> tracks;
    private final Map<String, Track> trackTable = new LinkedHashMap<>();
    /** The compacted table as a reader sees it: the latest value per key, tombstones removing it. */
    private final Map<String, Transition> table = new LinkedHashMap<>();

    @BeforeEach
    void start() {
        if (driver != null) {
            driver.close();
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "gold-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(GoldTopology.build(registry), props);
        silver = driver.createInputTopic(Topics.SILVER_PLAYLISTS.name(), new StringSerializer(), Topics.SILVER_PLAYLISTS.valueSerde(registry).serializer());
        gold = driver.createOutputTopic(Topics.GOLD_TRANSITIONS.name(), new StringDeserializer(), Topics.GOLD_TRANSITIONS.valueSerde(registry).deserializer());
        tracks = driver.createOutputTopic(Topics.GOLD_TRACKS.name(), new StringDeserializer(), Topics.GOLD_TRACKS.valueSerde(registry).deserializer());
        table.clear();
        trackTable.clear();
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** A playlist from lines like "A@0", "?", "w/B@300": a track key (or ? for unknown), an optional cue. */
    private static SilverPlaylist playlist(String key, String dj, PlaylistStatus status, String... plays) {
        List<TrackPlay> list = new ArrayList<>();
        int group = 0;
        for (int i = 0; i < plays.length; i++) {
            String play = plays[i];
            boolean with = play.startsWith("w/");
            String body = with ? play.substring(2) : play;
            String track = body.split("@")[0];
            Integer cue = body.contains("@") ? Integer.valueOf(body.split("@")[1]) : null;
            if (!with) {
                group++;
            }
            list.add(TrackPlay.newBuilder().setPlaylistKey(key).setPosition(i + 1).setGroup(group).setRawText(play)
                    .setUnknown(track.equals("?")).setTrackKey(track.equals("?") ? null : track).setCueSeconds(cue)
                    .setParserVersion("test").build());
        }
        return SilverPlaylist.newBuilder().setPlaylistKey(key).setSource("mixesdb").setSourcePlaylistId(key).setUrl("https://x/" + key)
                .setDjs(List.of(dj)).setScrapedAt(Instant.parse("2026-11-25T06:00:00Z")).setScrapeOutcome("OK")
                .setPageParserVersion("p").setLineParserVersion("l").setStatus(status).setPlays(list).build();
    }

    private Map<String, Transition> send(SilverPlaylist playlist) {
        silver.pipeInput(playlist.getPlaylistKey(), playlist);
        for (KeyValue<String, Transition> kv : gold.readKeyValuesToList()) {
            if (kv.value == null) {
                table.remove(kv.key);
            } else {
                table.put(kv.key, kv.value);
            }
        }
        for (KeyValue<String, Track> kv : tracks.readKeyValuesToList()) {
            if (kv.value == null) {
                trackTable.remove(kv.key);
            } else {
                trackTable.put(kv.key, kv.value);
            }
        }
        return table;
    }

    private static Map<String, Long> counts(Map<String, Transition> table) {
        Map<String, Long> counts = new HashMap<>();
        table.forEach((k, v) -> counts.put(k, v.getOccurrences()));
        return counts;
    }

    @Test
    void aPlaylistGivesItsTransitionsWithCueGaps() {
        Map<String, Transition> t = send(playlist("p1", "Ben Klock", PlaylistStatus.VALID, "A@0", "B@300", "C@700"));
        assertThat(counts(t)).isEqualTo(Map.of("A->B", 1L, "B->C", 1L));
        assertThat(t.get("A->B").getMedianCueGapSeconds()).isEqualTo(300.0);
        assertThat(t.get("A->B").getDjs()).containsExactly("Ben Klock");
    }

    @Test
    void aChangedRescrapeLeavesExactlyTheCountsOfItsLatestVersionAndDuplicatesInflateNothing() {
        send(playlist("p1", "DJ", PlaylistStatus.VALID, "A", "B", "C"));
        send(playlist("p1", "DJ", PlaylistStatus.VALID, "A", "B", "C"));
        send(playlist("p2", "DJ2", PlaylistStatus.VALID, "A", "B"));
        assertThat(counts(table)).isEqualTo(Map.of("A->B", 2L, "B->C", 1L));
        assertThat(table.get("A->B").getPlaylists()).isEqualTo(2);
        send(playlist("p1", "DJ", PlaylistStatus.VALID, "A", "C"));
        assertThat(counts(table)).isEqualTo(Map.of("A->B", 1L, "A->C", 1L));
    }

    @Test
    void unknownPlaysBreakAdjacencyPlayedTogetherPlaysDoNotLinkRepeatsCountAndNoSelfLoops() {
        assertThat(counts(send(playlist("gap", "DJ", PlaylistStatus.VALID, "A", "?", "B")))).isEmpty();
        start();
        assertThat(counts(send(playlist("with", "DJ", PlaylistStatus.VALID, "A", "w/B", "C")))).isEqualTo(Map.of("A->C", 1L, "B->C", 1L));
        start();
        assertThat(counts(send(playlist("repeat", "DJ", PlaylistStatus.VALID, "A", "B", "A", "B", "B")))).isEqualTo(Map.of("A->B", 2L, "B->A", 1L));
    }

    @Test
    void aPlaylistThatTurnsInvalidIsSubtracted() {
        send(playlist("p1", "DJ", PlaylistStatus.VALID, "A", "B"));
        send(playlist("p2", "DJ", PlaylistStatus.VALID, "A", "B"));
        send(playlist("p1", "DJ", PlaylistStatus.FAILED, "A", "B"));
        assertThat(counts(table)).isEqualTo(Map.of("A->B", 1L));
        send(playlist("p2", "DJ", PlaylistStatus.FAILED));
        assertThat(table).isEmpty();
    }

    @Test
    void tracksCountThePlaysOfTheLatestValidVersionsAndNeverAnUnknown() {
        send(playlist("p1", "Ben Klock", PlaylistStatus.VALID, "A", "B", "?", "A"));
        send(playlist("p2", "Len Faki", PlaylistStatus.VALID, "A"));
        assertThat(trackTable).containsOnlyKeys("A", "B");
        assertThat(trackTable.get("A").getPlays()).isEqualTo(3);
        assertThat(trackTable.get("A").getPlaylists()).isEqualTo(2);
        assertThat(trackTable.get("A").getDjs()).containsExactly("Ben Klock", "Len Faki");
        assertThat(trackTable.get("A").getSources()).containsExactly("mixesdb");
        assertThat(trackTable.get("A").getBpm()).as("enrichment comes later, not faked").isNull();
        send(playlist("p1", "Ben Klock", PlaylistStatus.VALID, "B"));
        assertThat(trackTable.get("A").getPlays()).isEqualTo(1);
        send(playlist("p1", "Ben Klock", PlaylistStatus.FAILED, "B"));
        assertThat(trackTable).containsOnlyKeys("A");
    }

    @Test
    void replayingAllSilverInputYieldsIdenticalGold() {
        List<SilverPlaylist> input = List.of(playlist("p1", "DJ", PlaylistStatus.VALID, "A", "B", "C"),
                playlist("p2", "DJ2", PlaylistStatus.VALID, "B", "C", "?", "D"), playlist("p1", "DJ", PlaylistStatus.VALID, "A", "C", "B"));
        input.forEach(this::send);
        Map<String, Transition> first = new LinkedHashMap<>(table);
        Map<String, Track> firstTracks = new LinkedHashMap<>(trackTable);
        start();
        input.forEach(this::send);
        send(input.get(2)); // and a duplicate delivery on top
        assertThat(table).isEqualTo(first);
        assertThat(trackTable).isEqualTo(firstTracks);
    }
}
