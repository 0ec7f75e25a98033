package io.songnodes.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.testkit.InMemorySchemaRegistry;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.alerts.AlertState;
import io.songnodes.schemas.alerts.SilentFailureAlert;
import io.songnodes.schemas.alerts.SourceHealth;
import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.bronze.RawTrackRow;
import io.songnodes.schemas.bronze.ScrapeOutcome;
import io.songnodes.schemas.silver.PlaylistStatus;
import io.songnodes.schemas.silver.SilverPlaylist;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceHealthTopologyTest {

    private static final Instant START = Instant.parse("2026-11-25T00:00:00Z");

    @TempDir
    Path stateDir;

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private SimpleMeterRegistry meters;
    private TopologyTestDriver driver;
    private TestInputTopic<String, BronzePlaylist> bronze;
    private TestOutputTopic<String, SilentFailureAlert> alerts;
    private TestOutputTopic<String, SourceHealth> health;

    /** Short windows, as the demo uses: 1 minute buckets, a 10 minute window, evaluated every minute. */
    private void start(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of("SONGNODES_ALERTS_BUCKET", "1m", "SONGNODES_ALERTS_WINDOW", "10m",
                "SONGNODES_ALERTS_RATE_WINDOW", "10m", "SONGNODES_ALERTS_PUNCTUATION", "1m", "SONGNODES_ALERTS_MIN_SAMPLE", "4",
                "SONGNODES_ALERTS_SOURCES", "mixesdb,1001tracklists",
                "SONGNODES_ALERTS_PARTITIONS", "1")); // the test driver runs one task
        env.putAll(more);
        AlertSettings settings = AlertSettings.from(SongNodesConfig.from(env));
        meters = new SimpleMeterRegistry();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(SourceHealthTopology.build(settings, registry, meters, new AlertGauges(meters)), props, START);
        bronze = driver.createInputTopic(Topics.BRONZE_PLAYLISTS.name(), new StringSerializer(),
                Topics.BRONZE_PLAYLISTS.valueSerde(registry).serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS_SILENT_FAILURES.name(), new StringDeserializer(),
                Topics.ALERTS_SILENT_FAILURES.valueSerde(registry).deserializer());
        health = driver.createOutputTopic(Topics.GOLD_SOURCE_HEALTH.name(), new StringDeserializer(),
                Topics.GOLD_SOURCE_HEALTH.valueSerde(registry).deserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    private void scrape(String source, ScrapeOutcome outcome, int tracks, Instant at) {
        scrape(source, outcome, tracks, at, "page/1.0");
    }

    private void scrape(String source, ScrapeOutcome outcome, int tracks, Instant at, String parser) {
        List<RawTrackRow> rows = new ArrayList<>();
        for (int i = 1; i <= tracks; i++) {
            rows.add(RawTrackRow.newBuilder().setPosition(i).setRawText("A - T" + i).build());
        }
        bronze.pipeInput(source + ":p", BronzePlaylist.newBuilder().setSource(source).setUrl("https://x/" + at.toEpochMilli())
                .setSourcePlaylistId("p" + at.toEpochMilli()).setTracks(rows).setFetchedAt(at).setParserVersion(parser)
                .setOutcome(outcome).setScrapeError(outcome == ScrapeOutcome.OK ? null : outcome.name()).build(), at);
    }

    /** Wall-clock time moves; the punctuator fires once per minute passed. */
    private void minutesPass(int minutes) {
        for (int i = 0; i < minutes; i++) {
            driver.advanceWallClockTime(Duration.ofMinutes(1));
        }
    }

    private List<SilentFailureAlert> changes() {
        return alerts.readValuesToList();
    }

    private static List<String> describe(List<SilentFailureAlert> changes) {
        return changes.stream().map(a -> a.getRule() + " " + a.getSource() + " " + a.getState()).toList();
    }

    private double active(String source, SilentFailureRule rule) {
        return meters.get("songnodes_silent_failure_alert_active").tag("source", source).tag("rule", rule.name()).gauge().value();
    }

    @Test
    void aSourceThatSendsNothingAtAllIsStalledAndResolvesWhenItScrapesAgain() {
        start(Map.of());
        minutesPass(1);
        assertThat(describe(changes())).containsExactlyInAnyOrder("SOURCE_STALLED mixesdb FIRING", "SOURCE_STALLED 1001tracklists FIRING");
        minutesPass(5);
        assertThat(changes()).as("a firing alert is not repeated every minute").isEmpty();
        assertThat(active("mixesdb", SilentFailureRule.SOURCE_STALLED)).isEqualTo(1.0);

        scrape("mixesdb", ScrapeOutcome.OK, 12, START.plus(Duration.ofMinutes(6)));
        minutesPass(1);
        assertThat(describe(changes())).containsExactly("SOURCE_STALLED mixesdb RESOLVED");
        assertThat(active("mixesdb", SilentFailureRule.SOURCE_STALLED)).isEqualTo(0.0);
        assertThat(health.readValuesToList()).singleElement().satisfies(h -> {
            assertThat(h.getTracks()).isEqualTo(12);
            assertThat(h.getAttempts()).isEqualTo(1);
        });
    }

    @Test
    void silversFailedPlaylistsAreCountedInTheSourcesHistory() {
        start(Map.of("SONGNODES_ALERTS_SOURCES", "mixesdb"));
        TestInputTopic<String, SilverPlaylist> silver = driver.createInputTopic(Topics.SILVER_PLAYLISTS.name(), new StringSerializer(),
                Topics.SILVER_PLAYLISTS.valueSerde(registry).serializer());
        silver.pipeInput("mixesdb:p", SilverPlaylist.newBuilder().setPlaylistKey("mixesdb:p").setSource("mixesdb").setSourcePlaylistId("p")
                .setUrl("https://x/p").setScrapedAt(START).setScrapeOutcome("EMPTY_TRACKLIST").setPageParserVersion("page/1.0")
                .setLineParserVersion("track-line/1.0").setStatus(PlaylistStatus.FAILED).build(), START);
        assertThat(health.readValuesToList()).singleElement().satisfies(h -> assertThat(h.getFailedPlaylists()).isEqualTo(1));
    }

    @Test
    void aBacklogBeingCaughtUpIsNotJudgedAgainstTheWallClock() {
        start(Map.of("SONGNODES_ALERTS_SOURCES", "mixesdb"));
        minutesPass(1);
        assertThat(describe(changes())).containsExactly("SOURCE_STALLED mixesdb FIRING");
        minutesPass(60);
        // An hour-old record arrives (a backlog after an outage): no verdict from half-replayed history.
        scrape("mixesdb", ScrapeOutcome.OK, 5, START.plus(Duration.ofMinutes(2)));
        minutesPass(1);
        assertThat(changes()).isEmpty();
        scrape("mixesdb", ScrapeOutcome.OK, 5, START.plus(Duration.ofMinutes(61)));
        minutesPass(1);
        assertThat(describe(changes())).containsExactly("SOURCE_STALLED mixesdb RESOLVED");
    }

    @Test
    void aSourceNobodyConfiguredIsRetiredWhenItHasNotBeenSeenForTheRetention() {
        start(Map.of("SONGNODES_ALERTS_SOURCES", "mixesdb", "SONGNODES_ALERTS_BASELINE_DAYS", "1"));
        scrape("mixesdb", ScrapeOutcome.OK, 5, START);
        scrape("oldsite", ScrapeOutcome.OK, 5, START);
        minutesPass(20);
        assertThat(describe(changes())).contains("SOURCE_STALLED oldsite FIRING");
        driver.advanceWallClockTime(Duration.ofDays(3));
        assertThat(changes()).filteredOn(a -> a.getSource().equals("oldsite")).extracting(SilentFailureAlert::getMessage)
                .anyMatch(m -> m.startsWith("source retired"));
    }

    @Test
    void settingsTheRulesCannotWorkWithFailAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertSettings.from(SongNodesConfig.from(Map.of("SONGNODES_ALERTS_BUCKET", "7m"))))
                .hasMessageStartingWith("SONGNODES_ALERTS_BUCKET: must divide a day evenly");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertSettings.from(SongNodesConfig.from(Map.of("SONGNODES_ALERTS_PARTITIONS", "0"))))
                .hasMessageStartingWith("SONGNODES_ALERTS_PARTITIONS");
    }

    @Test
    void zeroTracksWhileScrapingFiresAndTracksAgainResolve() {
        start(Map.of("SONGNODES_ALERTS_SOURCES", "mixesdb"));
        scrape("mixesdb", ScrapeOutcome.OK, 10, START);
        minutesPass(1);
        assertThat(changes()).isEmpty();
        for (int m = 1; m <= 12; m++) {
            scrape("mixesdb", ScrapeOutcome.EMPTY_TRACKLIST, 0, START.plus(Duration.ofMinutes(m)));
            minutesPass(1);
        }
        List<SilentFailureAlert> fired = changes();
        assertThat(describe(fired)).contains("ZERO_TRACKS_IN_WINDOW mixesdb FIRING");
        assertThat(fired.stream().filter(a -> a.getRule().equals("ZERO_TRACKS_IN_WINDOW")).findFirst().orElseThrow().getMessage())
                .contains("0 tracks in the last 10m");
        scrape("mixesdb", ScrapeOutcome.OK, 8, START.plus(Duration.ofMinutes(13)));
        minutesPass(1);
        assertThat(describe(changes())).contains("ZERO_TRACKS_IN_WINDOW mixesdb RESOLVED");
        assertThat(meters.get("songnodes_source_last_track_timestamp_seconds").tag("source", "mixesdb").gauge().value())
                .isEqualTo(START.plus(Duration.ofMinutes(13)).getEpochSecond());
    }

    @Test
    void tooManyEmptyPlaylistsAndAFailingParserVersionFire() {
        start(Map.of("SONGNODES_ALERTS_SOURCES", "mixesdb"));
        for (int i = 0; i < 6; i++) {
            scrape("mixesdb", i < 3 ? ScrapeOutcome.OK : ScrapeOutcome.EMPTY_TRACKLIST, i < 3 ? 10 : 0,
                    START.plusSeconds(10L * i), i < 3 ? "page/1.0" : "page/2.0");
        }
        minutesPass(1);
        assertThat(describe(changes())).containsExactlyInAnyOrder("EMPTY_PLAYLIST_RATE mixesdb FIRING");
        for (int i = 0; i < 2; i++) {
            scrape("mixesdb", ScrapeOutcome.PARSE_ERROR, 0, START.plusSeconds(70L + i), "page/2.0");
        }
        minutesPass(1);
        List<SilentFailureAlert> parser = changes();
        assertThat(describe(parser)).containsExactly("PARSER_FAILURE_RATE mixesdb FIRING");
        assertThat(parser.get(0).getMessage()).contains("page/2.0 failed on 5 of 5 pages").doesNotContain("page/1.0");

        // The fix ships: good pages only, and once the bad ones leave the rate window both rules clear.
        for (int m = 2; m <= 12; m++) {
            scrape("mixesdb", ScrapeOutcome.OK, 10, START.plus(Duration.ofMinutes(m)), "page/2.1");
            minutesPass(1);
        }
        assertThat(describe(changes())).containsExactlyInAnyOrder("EMPTY_PLAYLIST_RATE mixesdb RESOLVED",
                "PARSER_FAILURE_RATE mixesdb RESOLVED");
    }

    @Test
    void aVolumeDropAgainstTheSameTimeOfDayFiresAboveTheFloorOnly() {
        start(Map.of("SONGNODES_ALERTS_SOURCES", "mixesdb", "SONGNODES_ALERTS_BUCKET", "1h", "SONGNODES_ALERTS_WINDOW", "30h",
                "SONGNODES_ALERTS_PUNCTUATION", "1h", "SONGNODES_ALERTS_BASELINE_DAYS", "2", "SONGNODES_ALERTS_RATE_WINDOW", "1h"));
        // Two days with 100 tracks in the 00:00 hour, then a day with 5.
        for (int day = 0; day < 2; day++) {
            scrape("mixesdb", ScrapeOutcome.OK, 100, START.plus(Duration.ofDays(day)).plusSeconds(60));
        }
        scrape("mixesdb", ScrapeOutcome.OK, 5, START.plus(Duration.ofDays(2)).plusSeconds(60));
        for (int h = 0; h < 49; h++) {
            driver.advanceWallClockTime(Duration.ofHours(1)); // to 2026-11-27T01:00: the 00:00 bucket is complete
        }
        assertThat(describe(changes())).contains("VOLUME_DROP mixesdb FIRING");
        // The next hour is as busy as usual (its own baseline is empty, so nothing to drop from): it clears.
        scrape("mixesdb", ScrapeOutcome.OK, 100, START.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)).plusSeconds(60));
        driver.advanceWallClockTime(Duration.ofHours(1));
        assertThat(describe(changes())).contains("VOLUME_DROP mixesdb RESOLVED");
    }
}
