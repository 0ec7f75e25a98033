package io.songnodes.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.songnodes.platform.testkit.InMemorySchemaRegistry;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.enrichment.EnrichmentResult;
import io.songnodes.schemas.enrichment.FieldValue;
import io.songnodes.schemas.gold.Artist;
import io.songnodes.schemas.gold.ArtistTrack;
import io.songnodes.schemas.gold.ArtistTransition;
import io.songnodes.schemas.gold.Track;
import io.songnodes.schemas.gold.TrackNeighbours;
import io.songnodes.schemas.gold.Transition;
import io.songnodes.schemas.silver.PlaylistStatus;
import io.songnodes.schemas.silver.SilverPlaylist;
import io.songnodes.schemas.silver.TrackPlay;
import io.songnodes.schemas.silver.TrackVersion;
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
import org.apache.kafka.streams.state.KeyValueStore;
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
    private TestOutputTopic<String, Artist> artists;
    private final Map<String, Artist> artistTable = new LinkedHashMap<>();
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
        artists = driver.createOutputTopic(Topics.GOLD_ARTISTS.name(), new StringDeserializer(), Topics.GOLD_ARTISTS.valueSerde(registry).deserializer());
        table.clear();
        trackTable.clear();
        artistTable.clear();
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /**
     * A playlist from lines like "A@0", "?", "w/B@300", "A:Ben Klock&Dax J~Len Faki": a track key (or ?
     * for unknown), an optional cue, optional artists and a remixer.
     */
    private static SilverPlaylist playlist(String key, String dj, PlaylistStatus status, String... plays) {
        List<TrackPlay> list = new ArrayList<>();
        int group = 0;
        for (int i = 0; i < plays.length; i++) {
            String play = plays[i];
            boolean with = play.startsWith("w/");
            String body = with ? play.substring(2) : play;
            String[] credits = body.split(":", 2);
            body = credits[0];
            String track = body.split("@")[0];
            Integer cue = body.contains("@") ? Integer.valueOf(body.split("@")[1]) : null;
            List<String> artistNames = new ArrayList<>();
            List<TrackVersion> versions = new ArrayList<>();
            if (credits.length > 1) {
                String[] remix = credits[1].split("~");
                artistNames.addAll(List.of(remix[0].split("&")));
                if (remix.length > 1) {
                    versions.add(TrackVersion.newBuilder().setName("Remix").setRemixers(List.of(remix[1])).build());
                }
            }
            if (!with) {
                group++;
            }
            list.add(TrackPlay.newBuilder().setPlaylistKey(key).setPosition(i + 1).setGroup(group).setRawText(play)
                    .setUnknown(track.equals("?")).setTrackKey(track.equals("?") ? null : track).setCueSeconds(cue)
                    .setArtists(artistNames).setVersions(versions).setParserVersion("test").build());
        }
        return SilverPlaylist.newBuilder().setPlaylistKey(key).setSource("mixesdb").setSourcePlaylistId(key).setUrl("https://x/" + key)
                .setDjs(List.of(dj)).setScrapedAt(Instant.parse("2026-11-25T06:00:00Z")).setScrapeOutcome("OK")
                .setPageParserVersion("p").setLineParserVersion("l").setStatus(status).setPlays(list).build();
    }

    private Map<String, Transition> send(SilverPlaylist playlist) {
        silver.pipeInput(playlist.getPlaylistKey(), playlist);
        readInto(gold, table);
        readInto(tracks, trackTable);
        readInto(artists, artistTable);
        return table;
    }

    /** The compacted topic as a reader sees it: the latest value per key, tombstones removing it. */
    private static <V> void readInto(TestOutputTopic<String, V> topic, Map<String, V> into) {
        for (KeyValue<String, V> kv : topic.readKeyValuesToList()) {
            if (kv.value == null) {
                into.remove(kv.key);
            } else {
                into.put(kv.key, kv.value);
            }
        }
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

    @Test
    void artistsCountTheirTracksAsArtistOrRemixerAndTheirTransitionsAndFollowRescrapes() {
        send(playlist("p1", "Ben Klock", PlaylistStatus.VALID, "A:Dax J", "B:Dax J&Ørjan~Len Faki", "C:Other", "A:Dax J"));
        send(playlist("p2", "Len Faki", PlaylistStatus.VALID, "A:DAX J"));
        assertThat(artistTable).containsOnlyKeys("dax-j", "orjan", "len-faki", "other");
        Artist dax = artistTable.get("dax-j");
        assertThat(dax.getTracks()).isEqualTo(2);
        assertThat(dax.getPlays()).isEqualTo(4);
        assertThat(dax.getPlaylists()).isEqualTo(2);
        assertThat(dax.getDjs()).containsExactly("Ben Klock", "Len Faki");
        assertThat(dax.getTopTracks()).extracting(ArtistTrack::getTrackKey, ArtistTrack::getPlays)
                .containsExactly(tuple("A", 3L), tuple("B", 1L));
        assertThat(dax.getTopTransitions()).extracting(ArtistTransition::getFromTrack, ArtistTransition::getToTrack, ArtistTransition::getOccurrences)
                .containsExactly(tuple("A", "B", 1L), tuple("B", "C", 1L), tuple("C", "A", 1L));
        assertThat(artistTable.get("len-faki").getTopTracks()).as("a remixer's remix is theirs too")
                .extracting(ArtistTrack::getTrackKey).containsExactly("B");
        assertThat(artistTable.get("other").getTopTransitions()).extracting(ArtistTransition::getFromTrack).containsExactly("B", "C");

        send(playlist("p1", "Ben Klock", PlaylistStatus.VALID, "A:Dax J"));
        assertThat(artistTable).containsOnlyKeys("dax-j");
        assertThat(artistTable.get("dax-j").getPlays()).isEqualTo(2);
        assertThat(artistTable.get("dax-j").getTopTransitions()).isEmpty();
        send(playlist("p1", "Ben Klock", PlaylistStatus.FAILED, "A:Dax J"));
        send(playlist("p2", "Len Faki", PlaylistStatus.FAILED, "A:Dax J"));
        assertThat(artistTable).isEmpty();
    }

    @Test
    void theStoresAnswerWhatTheTopicsSayAndSearchByFoldedPrefix() {
        send(playlist("p1", "Ben Klock", PlaylistStatus.VALID, "A:Dax J", "B:Ørjan Nilsen", "C:Other", "A:Dax J"));
        GoldStores stores = new GoldStores(driver::getKeyValueStore);
        assertThat(stores.track("A")).contains(trackTable.get("A"));
        assertThat(stores.artist("dax-j")).contains(artistTable.get("dax-j"));
        assertThat(stores.track("nope")).isEmpty();
        assertThat(stores.search("orjan", null, 10)).extracting(Track::getTrackKey).containsExactly("B");
        assertThat(stores.search("d", null, 10)).extracting(Track::getTrackKey).containsExactly("A");
        assertThat(stores.search(null, null, 2)).as("most played first, limited").extracting(Track::getTrackKey).containsExactly("A", "B");
    }

    @Test
    void enrichmentResultsJoinIntoTracksWhicheverArrivesFirst() {
        TestInputTopic<String, EnrichmentResult> results = driver.createInputTopic(Topics.ENRICHMENT_RESULTS.name(), new StringSerializer(),
                Topics.ENRICHMENT_RESULTS.valueSerde(registry).serializer());
        Instant at = Instant.parse("2026-11-25T07:00:00Z");
        results.pipeInput("B", EnrichmentResult.newBuilder().setTrackKey("B").setEnrichedAt(at)
                .setValues(Map.of("bpm", new FieldValue("131.5", "deezer", 0.93, at))).build());
        send(playlist("p1", "DJ", PlaylistStatus.VALID, "A", "B"));
        assertThat(trackTable.get("B").getBpm()).as("a result before the track's first play").isEqualTo(131.5);
        results.pipeInput("A", EnrichmentResult.newBuilder().setTrackKey("A").setEnrichedAt(at).setValues(Map.of(
                "isrc", new FieldValue("GBXYZ2100001", "musicbrainz", 0.97, at), "release_date", new FieldValue("2021", "discogs", 0.9, at),
                "bpm", new FieldValue("not a number", "deezer", 0.9, at))).setMissing(Map.of("key", "no provider configured for key")).build());
        send(playlist("p2", "DJ", PlaylistStatus.VALID, "A"));
        Track a = trackTable.get("A");
        assertThat(a.getIsrc()).isEqualTo("GBXYZ2100001");
        assertThat(a.getReleaseDate()).isEqualTo(java.time.LocalDate.of(2021, 1, 1));
        assertThat(a.getBpm()).as("an unparseable value is left out, not guessed").isNull();
        assertThat(a.getMusicalKey()).isNull();
        assertThat(a.getEnrichedBy()).containsEntry("isrc", "musicbrainz");
        assertThat(a.getPlays()).as("a playlist change keeps the enrichment and the counts").isEqualTo(2);
        assertThat(new GoldStores(driver::getKeyValueStore).track("A")).contains(a);
    }

    @Test
    void theNeighbourIndexAndThePlaylistStoreFollowTheTables() {
        send(playlist("p1", "DJ", PlaylistStatus.VALID, "A", "B", "C"));
        send(playlist("p2", "DJ", PlaylistStatus.VALID, "A", "B", "D"));
        KeyValueStore<String, TrackNeighbours> neighbours = driver.getKeyValueStore(GoldTopology.TRACK_NEIGHBOURS_STORE);
        assertThat(neighbours.get("B").getIncoming()).isEqualTo(Map.of("A", 2L));
        assertThat(neighbours.get("B").getOutgoing()).isEqualTo(Map.of("C", 1L, "D", 1L));
        send(playlist("p2", "DJ", PlaylistStatus.FAILED));
        assertThat(neighbours.get("B").getIncoming()).isEqualTo(Map.of("A", 1L));
        assertThat(neighbours.get("B").getOutgoing()).isEqualTo(Map.of("C", 1L));
        assertThat(neighbours.get("D")).as("a track with no transition left is not indexed").isNull();
        KeyValueStore<String, SilverPlaylist> playlists = driver.getKeyValueStore(GoldTopology.PLAYLISTS_STORE);
        assertThat(playlists.get("p2").getStatus()).isEqualTo(PlaylistStatus.FAILED);
    }
}
