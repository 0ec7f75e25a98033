package io.songnodes.app;

import io.songnodes.gold.GoldTopology;
import io.songnodes.gold.GraphExport;
import io.songnodes.gold.api.GoldApi;
import io.songnodes.platform.Platform;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.kafka.TopicReader;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.topics.TopicSpec;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.gold.Track;
import io.songnodes.schemas.gold.Transition;
import io.songnodes.topology.StreamsApp;
import io.songnodes.topology.StreamsSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/** Runs Gold (transitions and tracks) on a running platform, and summarises it for the demo. */
final class Gold {

    private Gold() {
    }

    /** Starts Gold and its queries on the platform's HTTP server; other instances reach this one at the advertised host. */
    static StreamsApp start(Platform platform, SongNodesConfig config) {
        HostInfo self = new HostInfo(config.optional("songnodes.http.advertised.host").orElse(config.string("songnodes.http.host")),
                platform.http().api().port());
        Properties settings = StreamsSettings.forTopology(GoldTopology.TOPOLOGY, config, platform.kafka(), Topics.DLQ_GOLD.name());
        settings.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        StreamsApp gold = platform.closeWithPlatform(StreamsApp.start(GoldTopology.TOPOLOGY, GoldTopology.build(platform.registry()),
                settings, platform.metrics(), platform.health()));
        GoldApi.register(platform.http().api(), gold.streams(), self, config.duration("songnodes.gold.query.timeout"));
        return gold;
    }

    /** The most played transitions and tracks now in Gold, for the demo's summary. */
    static void printSummary(Platform platform, PrintWriter out, int limit) {
        Map<String, Transition> transitions = table(platform.kafka(), platform.registry(), Topics.GOLD_TRANSITIONS);
        Map<String, Track> tracks = table(platform.kafka(), platform.registry(), Topics.GOLD_TRACKS);
        out.printf("Gold: %d tracks, %d transitions; the most played transitions:%n", tracks.size(), transitions.size());
        transitions.values().stream()
                .sorted(Comparator.comparingLong(Transition::getOccurrences).reversed().thenComparing(t -> t.getFromTrack() + t.getToTrack()))
                .limit(limit)
                .forEach(t -> out.printf("  %dx (%d playlist(s))  %s  ->  %s%n", t.getOccurrences(), t.getPlaylists(),
                        GraphExport.name(tracks, t.getFromTrack()), GraphExport.name(tracks, t.getToTrack())));
        out.println("  and the most played tracks:");
        tracks.values().stream()
                .sorted(Comparator.comparingLong(Track::getPlays).reversed().thenComparing(Track::getTrackKey))
                .limit(limit)
                .forEach(t -> out.printf("  %d plays in %d playlist(s)  %s%n", t.getPlays(), t.getPlaylists(), GraphExport.name(tracks, t.getTrackKey())));
        out.flush();
    }

    /** A compacted Gold topic read as the table it is: the latest value per key, tombstones removing it. */
    static <V> Map<String, V> table(KafkaConnection kafka, SchemaRegistryClient registry, TopicSpec<String, V> topic) {
        Map<String, V> table = new HashMap<>();
        TopicReader.readToEnd(kafka, topic.name(), new StringDeserializer(), topic.valueSerde(registry).deserializer(),
                Duration.ofSeconds(30), r -> {
                    if (r.value() == null) {
                        table.remove(r.key());
                    } else {
                        table.put(r.key(), r.value());
                    }
                });
        return table;
    }
}
