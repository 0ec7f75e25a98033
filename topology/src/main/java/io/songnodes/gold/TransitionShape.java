package io.songnodes.gold;

import io.songnodes.schemas.gold.PlaylistContribution;
import io.songnodes.schemas.gold.Transition;
import io.songnodes.schemas.gold.TransitionContributions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A transition's contributions and the statistics they add up to. */
final class TransitionShape implements ContributionAggregator.Shape<PlaylistContribution, TransitionContributions, Transition>,
        PlaylistDiffProcessor.Updates<PlaylistContribution, TransitionContributions> {

    @Override
    public Map<String, PlaylistContribution> contributions(TransitionContributions state) {
        return state.getContributions();
    }

    @Override
    public String removedPlaylist(TransitionContributions update) {
        return update.getRemovedPlaylist();
    }

    @Override
    public TransitionContributions state(TransitionContributions update, Map<String, PlaylistContribution> contributions) {
        return TransitionContributions.newBuilder(update).setContributions(contributions).setRemovedPlaylist(null).build();
    }

    @Override
    public TransitionContributions contribution(String edge, String playlist, PlaylistContribution contribution) {
        return edge(edge).setContributions(Map.of(playlist, contribution)).build();
    }

    @Override
    public TransitionContributions removal(String edge, String playlist) {
        return edge(edge).setRemovedPlaylist(playlist).build();
    }

    private static TransitionContributions.Builder edge(String edge) {
        return TransitionContributions.newBuilder().setFromTrack(PlaylistTransitions.from(edge)).setToTrack(PlaylistTransitions.to(edge))
                .setContributions(Map.of());
    }

    @Override
    public Transition output(String edge, Map<String, PlaylistContribution> byPlaylist) {
        long occurrences = 0;
        TreeSet<String> djs = new TreeSet<>();
        Instant first = null;
        Instant last = null;
        List<Integer> gaps = new ArrayList<>();
        for (PlaylistContribution c : byPlaylist.values()) {
            occurrences += c.getOccurrences();
            djs.addAll(c.getDjs());
            first = first == null || c.getSeenAt().isBefore(first) ? c.getSeenAt() : first;
            last = last == null || c.getSeenAt().isAfter(last) ? c.getSeenAt() : last;
            gaps.addAll(c.getCueGapsSeconds());
        }
        return Transition.newBuilder().setFromTrack(PlaylistTransitions.from(edge)).setToTrack(PlaylistTransitions.to(edge))
                .setOccurrences(occurrences).setPlaylists(byPlaylist.size()).setDjs(new ArrayList<>(djs))
                .setFirstSeen(first).setLastSeen(last).setMedianCueGapSeconds(median(gaps)).build();
    }

    private static Double median(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2.0;
    }
}
