package io.songnodes.gold;

import io.songnodes.platform.text.VersionNames;
import io.songnodes.schemas.gold.PlaylistTrackContribution;
import io.songnodes.schemas.silver.PlaylistStatus;
import io.songnodes.schemas.silver.SilverPlaylist;
import io.songnodes.schemas.silver.TrackPlay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The tracks one valid playlist version plays, with how often and on which labels; unknown plays are no track. */
final class PlaylistTracks {

    private PlaylistTracks() {
    }

    static Map<String, PlaylistTrackContribution> of(SilverPlaylist playlist) {
        Map<String, PlaylistTrackContribution> tracks = new TreeMap<>();
        if (playlist == null || playlist.getStatus() != PlaylistStatus.VALID) {
            return tracks;
        }
        for (TrackPlay play : playlist.getPlays()) {
            if (play.getTrackKey() == null) {
                continue;
            }
            PlaylistTrackContribution c = tracks.computeIfAbsent(play.getTrackKey(), k -> PlaylistTrackContribution.newBuilder()
                    .setPlays(0).setArtists(play.getArtists()).setTitle(play.getTitle())
                    .setVersions(play.getVersions().stream().map(VersionNames::display).toList())
                    .setDjs(playlist.getDjs()).setSource(playlist.getSource()).setLabels(new ArrayList<>())
                    .setSeenAt(playlist.getScrapedAt()).build());
            c.setPlays(c.getPlays() + 1);
            if (play.getLabel() != null && !c.getLabels().contains(play.getLabel())) {
                List<String> labels = new ArrayList<>(c.getLabels());
                labels.add(play.getLabel());
                c.setLabels(labels);
            }
        }
        return tracks;
    }
}
