package io.songnodes.app;

import io.songnodes.gold.TransitionsTopology;
import io.songnodes.platform.Platform;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.kafka.TopicReader;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.gold.Transition;
import io.songnodes.schemas.silver.SilverPlaylist;
import io.songnodes.schemas.silver.TrackPlay;
import io.songnodes.topology.StreamsApp;
import io.songnodes.topology.StreamsSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Runs the Gold transition graph on a running platform, and summarises it for the demo. */
final class Gold {

    private Gold() {
    }

    static StreamsApp start(Platform platform, SongNodesConfig config) {
        return platform.closeWithPlatform(StreamsApp.start(TransitionsTopology.TOPOLOGY, TransitionsTopology.build(platform.registry()),
                StreamsSettings.forTopology(TransitionsTopology.TOPOLOGY, config, platform.kafka(), Topics.DLQ_GOLD.name()),
                platform.metrics(), platform.health()));
    }

    /** The most frequent transitions now in gold.transitions.v1, named from the Silver plays. */
    static void printTopTransitions(Platform platform, PrintWriter out, int limit) {
        Map<String, Transition> table = new HashMap<>();
        TopicReader.readToEnd(platform.kafka(), Topics.GOLD_TRANSITIONS.name(), new StringDeserializer(),
                Topics.GOLD_TRANSITIONS.valueSerde(platform.registry()).deserializer(), Duration.ofSeconds(30), r -> {
                    if (r.value() == null) {
                        table.remove(r.key());
                    } else {
                        table.put(r.key(), r.value());
                    }
                });
        Map<String, String> names = new HashMap<>();
        TopicReader.readToEnd(platform.kafka(), Topics.SILVER_PLAYLISTS.name(), new StringDeserializer(),
                Topics.SILVER_PLAYLISTS.valueSerde(platform.registry()).deserializer(), Duration.ofSeconds(30), r -> {
                    if (r.value() != null) {
                        for (TrackPlay play : r.value().getPlays()) {
                            if (play.getTrackKey() != null) {
                                names.putIfAbsent(play.getTrackKey(), String.join(" & ", play.getArtists()) + " - " + play.getTitle());
                            }
                        }
                    }
                });
        List<Transition> top = table.values().stream()
                .sorted(Comparator.comparingLong(Transition::getOccurrences).reversed().thenComparing(t -> t.getFromTrack() + t.getToTrack()))
                .limit(limit).toList();
        out.printf("Gold: %d transitions between %d tracks; the most played:%n", table.size(), names.size());
        for (Transition t : top) {
            out.printf("  %dx (%d playlist(s))  %s  ->  %s%n", t.getOccurrences(), t.getPlaylists(),
                    names.getOrDefault(t.getFromTrack(), t.getFromTrack()), names.getOrDefault(t.getToTrack(), t.getToTrack()));
        }
        out.flush();
    }
}
