package io.songnodes.gold;

import io.songnodes.schemas.gold.PlaylistTrackContribution;
import io.songnodes.schemas.gold.Track;
import io.songnodes.schemas.gold.TrackContributions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeSet;

/** A track's contributions and what they add up to; the display form is taken from the most recent playlist. */
final class TrackShape implements ContributionAggregator.Shape<PlaylistTrackContribution, TrackContributions, Track>,
        PlaylistDiffProcessor.Updates<PlaylistTrackContribution, TrackContributions> {

    @Override
    public Map<String, PlaylistTrackContribution> contributions(TrackContributions state) {
        return state.getContributions();
    }

    @Override
    public String removedPlaylist(TrackContributions update) {
        return update.getRemovedPlaylist();
    }

    @Override
    public TrackContributions state(TrackContributions update, Map<String, PlaylistTrackContribution> contributions) {
        return TrackContributions.newBuilder(update).setContributions(contributions).setRemovedPlaylist(null).build();
    }

    @Override
    public TrackContributions contribution(String track, String playlist, PlaylistTrackContribution contribution) {
        return TrackContributions.newBuilder().setTrackKey(track).setContributions(Map.of(playlist, contribution)).build();
    }

    @Override
    public TrackContributions removal(String track, String playlist) {
        return TrackContributions.newBuilder().setTrackKey(track).setContributions(Map.of()).setRemovedPlaylist(playlist).build();
    }

    @Override
    public Track output(String track, Map<String, PlaylistTrackContribution> byPlaylist) {
        long plays = 0;
        TreeSet<String> djs = new TreeSet<>();
        TreeSet<String> sources = new TreeSet<>();
        TreeSet<String> labels = new TreeSet<>(String.CASE_INSENSITIVE_ORDER); // one label, however each site capitalises it
        Instant first = null;
        PlaylistTrackContribution latest = null;
        for (PlaylistTrackContribution c : byPlaylist.values()) {
            plays += c.getPlays();
            djs.addAll(c.getDjs());
            sources.add(c.getSource());
            labels.addAll(c.getLabels());
            first = first == null || c.getSeenAt().isBefore(first) ? c.getSeenAt() : first;
            latest = latest == null || c.getSeenAt().isAfter(latest.getSeenAt()) ? c : latest;
        }
        return Track.newBuilder().setTrackKey(track).setArtists(latest.getArtists()).setTitle(latest.getTitle())
                .setVersions(latest.getVersions()).setPlays(plays).setPlaylists(byPlaylist.size()).setDjs(new ArrayList<>(djs))
                .setFirstPlayed(first).setLastPlayed(latest.getSeenAt()).setSources(new ArrayList<>(sources))
                .setLabels(new ArrayList<>(labels)).build();
    }
}
