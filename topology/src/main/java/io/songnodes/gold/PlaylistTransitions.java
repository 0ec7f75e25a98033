package io.songnodes.gold;

import io.songnodes.schemas.gold.PlaylistContribution;
import io.songnodes.schemas.silver.PlaylistStatus;
import io.songnodes.schemas.silver.SilverPlaylist;
import io.songnodes.schemas.silver.TrackPlay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The transitions one playlist version implies. Plays are taken group by group ({@code w/} plays
 * share a group and form no edge with each other, but each connects to the groups around it); an
 * unknown play is a group with no track, so it breaks adjacency (A → ID → B gives no A → B); a
 * repeat counts again; a track never follows itself. A FAILED playlist implies nothing.
 */
final class PlaylistTransitions {

    private static final String ARROW = "->";

    private PlaylistTransitions() {
    }

    static String key(String from, String to) {
        return from + ARROW + to;
    }

    static String from(String key) {
        return key.substring(0, key.indexOf(ARROW));
    }

    static String to(String key) {
        return key.substring(key.indexOf(ARROW) + ARROW.length());
    }

    /** By transition key, this playlist's contribution. */
    static Map<String, PlaylistContribution> of(SilverPlaylist playlist) {
        Map<String, PlaylistContribution> edges = new TreeMap<>();
        if (playlist == null || playlist.getStatus() != PlaylistStatus.VALID) {
            return edges;
        }
        Map<Integer, List<TrackPlay>> groups = new TreeMap<>();
        for (TrackPlay play : playlist.getPlays()) {
            groups.computeIfAbsent(play.getGroup(), g -> new ArrayList<>()).add(play);
        }
        List<List<TrackPlay>> ordered = new ArrayList<>(groups.values());
        for (int i = 0; i + 1 < ordered.size(); i++) {
            for (TrackPlay from : ordered.get(i)) {
                for (TrackPlay to : ordered.get(i + 1)) {
                    if (from.getTrackKey() == null || to.getTrackKey() == null || from.getTrackKey().equals(to.getTrackKey())) {
                        continue;
                    }
                    PlaylistContribution c = edges.computeIfAbsent(key(from.getTrackKey(), to.getTrackKey()), k -> PlaylistContribution.newBuilder()
                            .setOccurrences(0).setDjs(playlist.getDjs()).setSeenAt(playlist.getScrapedAt()).setCueGapsSeconds(new ArrayList<>()).build());
                    c.setOccurrences(c.getOccurrences() + 1);
                    if (from.getCueSeconds() != null && to.getCueSeconds() != null && to.getCueSeconds() >= from.getCueSeconds()) {
                        List<Integer> gaps = new ArrayList<>(c.getCueGapsSeconds());
                        gaps.add(to.getCueSeconds() - from.getCueSeconds());
                        c.setCueGapsSeconds(gaps);
                    }
                }
            }
        }
        return edges;
    }
}
