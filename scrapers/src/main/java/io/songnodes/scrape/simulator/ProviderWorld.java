package io.songnodes.scrape.simulator;

import io.songnodes.platform.text.TextFold;
import io.songnodes.scrape.simulator.Catalog.DjSet;
import io.songnodes.scrape.simulator.Catalog.Play;
import io.songnodes.scrape.simulator.Catalog.Track;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Every recording the simulated services know: one per distinct track the catalogue's sets play,
 * released within the catalogue's decade and no later than the track's first play, and, for some
 * titles, other artists' tracks of the same title, the near misses a real search turns up too.
 */
final class ProviderWorld {

    /** The decade the catalogue's sets are played in. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2024, 12, 31);

    private final List<Recording> recordings;
    private final Map<Integer, Recording> byDeezerTrack;

    private ProviderWorld(List<Recording> recordings, Map<Integer, Recording> byDeezerTrack) {
        this.recordings = List.copyOf(recordings);
        this.byDeezerTrack = Map.copyOf(byDeezerTrack);
    }

    static ProviderWorld of(Catalog catalog) {
        Map<String, Track> tracks = new LinkedHashMap<>();
        Map<String, LocalDate> firstPlayed = new HashMap<>();
        for (DjSet set : catalog.sets()) {
            for (Play play : set.plays()) {
                if (!play.unidentified()) {
                    tracks.putIfAbsent(play.track().name(), play.track());
                    firstPlayed.merge(play.track().name(), set.date(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        List<Track> all = new ArrayList<>(tracks.values());
        all.addAll(namesakes(catalog.seed(), tracks.values()));
        List<Recording> recordings = new ArrayList<>();
        Map<Integer, Recording> byDeezerTrack = new HashMap<>();
        for (Track track : all) {
            Recording recording = Recording.derive(catalog.seed(), track, FIRST_DAY, firstPlayed.getOrDefault(track.name(), LAST_DAY));
            // Two hashes landing on one id (about one seed in a million) move the later track to the next free id.
            while (byDeezerTrack.containsKey(recording.deezer().track())) {
                recording = recording.withDeezerTrack(recording.deezer().track() + 1);
            }
            byDeezerTrack.put(recording.deezer().track(), recording);
            recordings.add(recording);
        }
        return new ProviderWorld(recordings, byDeezerTrack);
    }

    /** For about half the titles, one or two made-up artists who released a track of the same name. */
    private static List<Track> namesakes(long seed, Collection<Track> tracks) {
        Set<String> catalogueArtists = new HashSet<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (Track track : tracks) {
            catalogueArtists.add(TextFold.fold(track.artist()));
            titles.putIfAbsent(TextFold.fold(track.title()), track.title());
        }
        List<Track> namesakes = new ArrayList<>();
        titles.forEach((folded, title) -> {
            Random random = new Random(seed * 31 + folded.hashCode());
            int roll = random.nextInt(20);
            Set<String> chosen = new HashSet<>();
            for (int i = roll < 10 ? 0 : roll < 17 ? 1 : 2; i > 0; i--) {
                String artist = Catalog.name(random);
                // A catalogue artist's track of this title would be a real match, not a near miss.
                if (!catalogueArtists.contains(TextFold.fold(artist)) && chosen.add(artist)) {
                    namesakes.add(new Track(artist, title, null, null, null));
                }
            }
        });
        return namesakes;
    }

    /**
     * The artist's recordings the title names, exact titles before versions of it; a missing artist
     * or title matches any, but a query with neither finds nothing.
     */
    List<Recording> find(Optional<String> artist, Optional<String> title) {
        if (artist.isEmpty() && title.isEmpty()) {
            return List.of();
        }
        return recordings.stream()
                .filter(r -> artist.map(r::by).orElse(true) && title.map(r::titledOrVersionOf).orElse(true))
                .sorted(Comparator.comparing(r -> !title.map(r::titled).orElse(true)))
                .toList();
    }

    /** Other artists' recordings of the same title as this one. */
    List<Recording> namesakesOf(Recording recording) {
        return recordings.stream().filter(r -> !r.by(recording.artist()) && r.titledOrVersionOf(recording.title())).toList();
    }

    List<Recording> byIsrc(String isrc) {
        return recordings.stream().filter(r -> r.isrc().equalsIgnoreCase(isrc)).toList();
    }

    Optional<Recording> byDeezerTrack(int id) {
        return Optional.ofNullable(byDeezerTrack.get(id));
    }
}
