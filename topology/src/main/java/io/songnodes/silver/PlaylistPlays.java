package io.songnodes.silver;

import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.bronze.RawTrackRow;
import io.songnodes.schemas.silver.TrackPlay;
import io.songnodes.schemas.silver.TrackVersion;
import io.songnodes.silver.lines.TrackKey;
import io.songnodes.silver.lines.TrackLine;
import io.songnodes.silver.lines.TrackLineParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Bronze playlist's raw rows turned into ordered plays: every row kept, unknowns included, w/ plays grouped. */
final class PlaylistPlays {

    private final TrackLineParser parser = new TrackLineParser();

    List<TrackPlay> of(String playlistKey, BronzePlaylist bronze) {
        List<TrackPlay> plays = new ArrayList<>();
        int group = 0;
        for (RawTrackRow row : bronze.getTracks()) {
            TrackLine line = parser.parse(row.getRawText(), Optional.ofNullable(row.getCue()));
            if (!line.withPrevious() || group == 0) {
                group++;
            }
            boolean unknown = line.unknown() || row.getIsId();
            plays.add(TrackPlay.newBuilder()
                    .setPlaylistKey(playlistKey)
                    .setPosition(row.getPosition())
                    .setGroup(group)
                    .setSection(row.getSection())
                    .setCue(line.cue().orElse(null))
                    .setCueSeconds(line.cueSeconds().isPresent() ? line.cueSeconds().getAsInt() : null)
                    .setRawText(row.getRawText())
                    .setUnknown(unknown)
                    .setTrackKey(unknown ? null : line.trackKey().map(TrackKey::value).orElse(null))
                    .setArtists(line.artists())
                    .setFeatured(line.featured())
                    .setMashup(line.mashup())
                    .setTitle(line.title().orElse(null))
                    .setVersions(line.versions().stream()
                            .map(v -> TrackVersion.newBuilder().setName(v.name()).setRemixers(v.remixers()).build()).toList())
                    .setLabel(line.label().orElse(row.getLabelHint()))
                    .setCatalogueNumber(line.catalogueNumber().orElse(null))
                    .setParserVersion(TrackLineParser.VERSION)
                    .build());
        }
        return plays;
    }
}
