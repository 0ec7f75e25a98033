package io.songnodes.app;

import io.songnodes.gold.GoldTopology;
import io.songnodes.gold.GraphExport;
import io.songnodes.gold.api.GoldApi;
import io.songnodes.platform.Platform;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.kafka.TopicReader;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.gold.Artist;
import io.songnodes.schemas.gold.Track;
import io.songnodes.schemas.gold.Transition;
import io.songnodes.topology.StreamsApp;
import io.songnodes.topology.StreamsSettings;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
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

    /** The most played transitions, tracks and artists now in Gold, and where to query them, for the demo's summary. */
    static void printSummary(Platform platform, Map<String, Track> tracks, PrintWriter out, int limit) {
        Map<String, Transition> transitions = TopicReader.table(platform.kafka(), platform.registry(), Topics.GOLD_TRANSITIONS);
        Map<String, Artist> artists = TopicReader.table(platform.kafka(), platform.registry(), Topics.GOLD_ARTISTS);
        out.printf("Gold: %d tracks, %d transitions, %d artists; the most played transitions:%n", tracks.size(), transitions.size(), artists.size());
        List<Transition> topTransitions = transitions.values().stream()
                .sorted(Comparator.comparingLong(Transition::getOccurrences).reversed().thenComparing(t -> t.getFromTrack() + t.getToTrack()))
                .limit(limit).toList();
        topTransitions.forEach(t -> out.printf("  %dx (%d playlist(s))  %s  ->  %s%n", t.getOccurrences(), t.getPlaylists(),
                GraphExport.name(tracks, t.getFromTrack()), GraphExport.name(tracks, t.getToTrack())));
        out.println("  the most played tracks:");
        tracks.values().stream()
                .sorted(Comparator.comparingLong(Track::getPlays).reversed().thenComparing(Track::getTrackKey))
                .limit(limit)
                .forEach(t -> out.printf("  %d plays in %d playlist(s)  %s  [%s]%n", t.getPlays(), t.getPlaylists(),
                        GraphExport.name(tracks, t.getTrackKey()), t.getTrackKey()));
        out.println("  the most played artists:");
        artists.values().stream()
                .sorted(Comparator.comparingLong(Artist::getPlays).reversed().thenComparing(Artist::getArtistKey))
                .limit(limit)
                .forEach(a -> out.printf("  %d plays of %d track(s)  %s  [%s]%n", a.getPlays(), a.getTracks(), a.getName(), a.getArtistKey()));
        String api = platform.http().baseUrl() + "/api";
        out.println("Query them while SongNodes runs (./songnodes serve, or a longer demo):");
        if (!topTransitions.isEmpty()) {
            Transition top = topTransitions.get(0);
            out.println("  " + api + "/graph/neighbors/" + top.getFromTrack() + "?direction=out");
            out.println("  " + api + "/tracks/" + top.getToTrack());
            Optional.ofNullable(tracks.get(top.getFromTrack())).flatMap(t -> t.getArtists().stream().findFirst())
                    .ifPresent(artist -> out.println("  " + api + "/tracks?artist=" + URLEncoder.encode(artist, StandardCharsets.UTF_8)));
        }
        out.flush();
    }
}
