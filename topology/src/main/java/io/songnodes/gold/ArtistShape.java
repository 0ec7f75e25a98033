package io.songnodes.gold;

import io.songnodes.schemas.gold.Artist;
import io.songnodes.schemas.gold.ArtistContributions;
import io.songnodes.schemas.gold.ArtistTrack;
import io.songnodes.schemas.gold.ArtistTransition;
import io.songnodes.schemas.gold.PlaylistArtistContribution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** An artist's contributions and what they add up to; the name is spelled as in the most recent playlist. */
final class ArtistShape implements ContributionAggregator.Shape<PlaylistArtistContribution, ArtistContributions, Artist>,
        PlaylistDiffProcessor.Updates<PlaylistArtistContribution, ArtistContributions> {

    static final int TOP = 10;

    @Override
    public Map<String, PlaylistArtistContribution> contributions(ArtistContributions state) {
        return state.getContributions();
    }

    @Override
    public String removedPlaylist(ArtistContributions update) {
        return update.getRemovedPlaylist();
    }

    @Override
    public ArtistContributions state(ArtistContributions update, Map<String, PlaylistArtistContribution> contributions) {
        return ArtistContributions.newBuilder(update).setContributions(contributions).setRemovedPlaylist(null).build();
    }

    @Override
    public ArtistContributions contribution(String artist, String playlist, PlaylistArtistContribution contribution) {
        return ArtistContributions.newBuilder().setArtistKey(artist).setContributions(Map.of(playlist, contribution)).build();
    }

    @Override
    public ArtistContributions removal(String artist, String playlist) {
        return ArtistContributions.newBuilder().setArtistKey(artist).setContributions(Map.of()).setRemovedPlaylist(playlist).build();
    }

    @Override
    public Artist output(String artist, Map<String, PlaylistArtistContribution> byPlaylist) {
        Map<String, Long> trackPlays = new HashMap<>();
        Map<String, Long> transitions = new HashMap<>();
        TreeSet<String> djs = new TreeSet<>();
        Instant first = null;
        PlaylistArtistContribution latest = null;
        for (PlaylistArtistContribution c : byPlaylist.values()) {
            c.getTrackPlays().forEach((track, plays) -> trackPlays.merge(track, plays, Long::sum));
            c.getTransitions().forEach((edge, occurrences) -> transitions.merge(edge, occurrences, Long::sum));
            djs.addAll(c.getDjs());
            first = first == null || c.getSeenAt().isBefore(first) ? c.getSeenAt() : first;
            latest = latest == null || c.getSeenAt().isAfter(latest.getSeenAt()) ? c : latest;
        }
        List<ArtistTrack> topTracks = top(trackPlays).stream().map(e -> new ArtistTrack(e.getKey(), e.getValue())).toList();
        List<ArtistTransition> topTransitions = top(transitions).stream()
                .map(e -> new ArtistTransition(PlaylistTransitions.from(e.getKey()), PlaylistTransitions.to(e.getKey()), e.getValue())).toList();
        return Artist.newBuilder().setArtistKey(artist).setName(latest.getName()).setTracks(trackPlays.size())
                .setPlays(trackPlays.values().stream().mapToLong(Long::longValue).sum()).setPlaylists(byPlaylist.size())
                .setDjs(new ArrayList<>(djs)).setFirstPlayed(first).setLastPlayed(latest.getSeenAt())
                .setTopTracks(topTracks).setTopTransitions(topTransitions).build();
    }

    /** The largest counts first, ties in key order so the output is deterministic. */
    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).toList();
    }
}
