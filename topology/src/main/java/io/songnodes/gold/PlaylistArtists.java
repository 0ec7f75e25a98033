package io.songnodes.gold;

import io.songnodes.schemas.gold.PlaylistArtistContribution;
import io.songnodes.schemas.gold.PlaylistContribution;
import io.songnodes.schemas.silver.PlaylistStatus;
import io.songnodes.schemas.silver.SilverPlaylist;
import io.songnodes.schemas.silver.TrackPlay;
import io.songnodes.schemas.silver.TrackVersion;
import io.songnodes.silver.lines.ArtistKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The artists one valid playlist version plays: each primary artist and remixer of a known track
 * (featured artists are left out, as in the track key), with the plays of their tracks and the
 * transitions into or out of them.
 */
final class PlaylistArtists {

    private PlaylistArtists() {
    }

    static Map<String, PlaylistArtistContribution> of(SilverPlaylist playlist) {
        Map<String, PlaylistArtistContribution> artists = new TreeMap<>();
        if (playlist == null || playlist.getStatus() != PlaylistStatus.VALID) {
            return artists;
        }
        Map<String, Set<String>> artistsByTrack = new HashMap<>();
        for (TrackPlay play : playlist.getPlays()) {
            if (play.getTrackKey() == null) {
                continue;
            }
            for (String name : names(play)) {
                String key = ArtistKey.of(name);
                PlaylistArtistContribution c = artists.computeIfAbsent(key, k -> PlaylistArtistContribution.newBuilder()
                        .setName(name).setTrackPlays(new HashMap<>()).setTransitions(new HashMap<>())
                        .setDjs(playlist.getDjs()).setSeenAt(playlist.getScrapedAt()).build());
                c.getTrackPlays().merge(play.getTrackKey(), 1L, Long::sum);
                artistsByTrack.computeIfAbsent(play.getTrackKey(), t -> new LinkedHashSet<>()).add(key);
            }
        }
        for (Map.Entry<String, PlaylistContribution> edge : PlaylistTransitions.of(playlist).entrySet()) {
            Set<String> touched = new LinkedHashSet<>(artistsByTrack.getOrDefault(PlaylistTransitions.from(edge.getKey()), Set.of()));
            touched.addAll(artistsByTrack.getOrDefault(PlaylistTransitions.to(edge.getKey()), Set.of()));
            touched.forEach(artist -> artists.get(artist).getTransitions().put(edge.getKey(), edge.getValue().getOccurrences()));
        }
        return artists;
    }

    private static Set<String> names(TrackPlay play) {
        Map<String, String> byKey = new LinkedHashMap<>();
        play.getArtists().forEach(a -> byKey.putIfAbsent(ArtistKey.of(a), a));
        for (TrackVersion version : play.getVersions()) {
            version.getRemixers().forEach(r -> byKey.putIfAbsent(ArtistKey.of(r), r));
        }
        return new LinkedHashSet<>(byKey.values());
    }
}
