package io.songnodes.scrape.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A made-up but realistic music world, the same for the same seed: artists, tracks (some remixed,
 * most on a label with a catalogue number, artist names with diacritics and brackets) and DJ sets
 * whose plays include unidentified tracks and, as in real sets, the odd repeat.
 */
public final class Catalog {

    /** How the world is shaped. */
    public record Shape(long seed, int sets, int tracksPerSet, double idShare, double remixShare, double labelShare) {
        public static Shape demo(long seed) {
            return new Shape(seed, 6, 12, 0.15, 0.3, 0.8);
        }
    }

    public record Track(String artist, String title, String remix, String label, String catalogueNumber) {
        /** As a tracklist line shows it: {@code Artist - Title (Remix) [Label - CatNo]}. */
        public String line() {
            return artist + " - " + title + (remix == null ? "" : " (" + remix + ")")
                    + (label == null ? "" : " [" + label + " - " + catalogueNumber + "]");
        }

        public String name() {
            return artist + " - " + title + (remix == null ? "" : " (" + remix + ")");
        }
    }

    /** One position in a set; {@code track} is null for an unidentified play. */
    public record Play(int cueSeconds, Track track) {
        public boolean unidentified() {
            return track == null;
        }
    }

    public record DjSet(String id, String dj, String venue, LocalDate date, List<Play> plays) {
        /** MixesDB's page title: {@code YYYY-MM-DD - DJ @ Venue}. */
        public String mixesDbTitle() {
            return date + " - " + dj + " @ " + venue;
        }

        public String slug() {
            return (dj + "-" + venue + "-" + date).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }
    }

    private static final String[] SYLLABLES = {"kar", "lo", "ven", "dro", "mi", "sta", "rek", "ul", "bo", "fen", "tri", "ax",
        "nor", "sel", "vik", "om", "zu", "dal"};
    private static final String[] SPECIAL_NAMES = {"Rødhad", "Ø [Phase]", "Ænima Ströme", "DJ Señal"};
    private static final String[] WORDS = {"Tones", "Revision", "Pressure", "Orbit", "Silence", "Signal", "Drift", "Machine",
        "Night", "Pulse", "Echo", "Circuit", "Dust", "Tunnel", "Glass", "River"};
    private static final String[] REMIX_KINDS = {"Remix", "Dub", "Rework", "Process", "Edit"};
    private static final String[] LABELS = {"Klockworks", "Ostgut Ton", "Token", "Mord", "Figure", "Drumcode"};
    private static final String[] VENUES = {"Berghain", "Tresor", "Awakenings, Gashouder", "De School", "Fabric"};

    private final long seed;
    private final List<DjSet> sets;

    private Catalog(long seed, List<DjSet> sets) {
        this.seed = seed;
        this.sets = List.copyOf(sets);
    }

    public static Catalog generate(Shape shape) {
        Random random = new Random(shape.seed());
        List<String> artists = new ArrayList<>(List.of(SPECIAL_NAMES));
        while (artists.size() < 40) {
            artists.add(name(random) + (random.nextInt(4) == 0 ? " " + name(random) : ""));
        }
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < Math.max(20, shape.sets() * shape.tracksPerSet() / 2); i++) {
            String artist = artists.get(random.nextInt(artists.size()));
            String title = WORDS[random.nextInt(WORDS.length)] + (random.nextBoolean() ? " " + WORDS[random.nextInt(WORDS.length)] : "");
            String remix = random.nextDouble() < shape.remixShare()
                    ? artists.get(random.nextInt(artists.size())) + " " + REMIX_KINDS[random.nextInt(REMIX_KINDS.length)] : null;
            boolean labelled = random.nextDouble() < shape.labelShare();
            String label = labelled ? LABELS[random.nextInt(LABELS.length)] : null;
            tracks.add(new Track(artist, title, remix, label, labelled ? label.substring(0, 2).toUpperCase(Locale.ROOT) + " " + (10 + i) : null));
        }
        List<DjSet> sets = new ArrayList<>();
        for (int s = 0; s < shape.sets(); s++) {
            List<Play> plays = new ArrayList<>();
            int cue = 0;
            for (int p = 0; p < shape.tracksPerSet(); p++) {
                Track track = random.nextDouble() < shape.idShare() ? null : tracks.get(random.nextInt(tracks.size()));
                plays.add(new Play(cue, track));
                cue += 180 + random.nextInt(240);
            }
            String dj = artists.get(random.nextInt(artists.size()));
            LocalDate date = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3650));
            sets.add(new DjSet(String.format(Locale.ROOT, "sim%05d", s + 1), dj, VENUES[random.nextInt(VENUES.length)], date, plays));
        }
        return new Catalog(shape.seed(), sets);
    }

    /** A made-up artist name; the provider simulator uses it too, for other artists' tracks of the same title. */
    static String name(Random random) {
        String word = SYLLABLES[random.nextInt(SYLLABLES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)];
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** The seed the world was generated from, which also seeds what the provider simulator derives from it. */
    public long seed() {
        return seed;
    }

    public List<DjSet> sets() {
        return sets;
    }
}
