package io.songnodes.scrape.simulator;

import io.songnodes.platform.text.TextFold;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A recording as the metadata services know it: a track's artist, title and remix with the facts
 * the catalogue does not hold (identifiers, ISRC, length, BPM, release). Those are derived from a
 * hash of the seed and the track's name, so every run, and every service asked, gives the same.
 *
 * @param remix the version ({@code Kar Lo Remix}), null for the original
 * @param bpm one decimal, or 0 where Deezer would not know it
 * @param gain Deezer's replay gain in dB
 * @param rank Deezer's popularity rank
 */
record Recording(String artist, String title, String remix, String isrc, int lengthMillis, double bpm, double gain, int rank,
                 String releaseTitle, LocalDate released, MusicBrainzIds musicBrainz, DeezerIds deezer) {

    /** MusicBrainz identifiers (MBIDs); an artist's is the same on all its recordings. */
    record MusicBrainzIds(UUID recording, UUID artist, UUID release) {
    }

    /** Deezer's numeric identifiers; an artist's is the same on all its tracks. */
    record DeezerIds(int track, int artist, int album) {
    }

    /** The track as the services know it, released on a day in {@code [earliest, latest]}. */
    static Recording derive(long seed, Catalog.Track track, LocalDate earliest, LocalDate latest) {
        UUID id = uuid(seed, "recording", track.name());
        UUID artistId = uuid(seed, "artist", track.artist());
        SplittableRandom random = new SplittableRandom(id.getMostSignificantBits() ^ id.getLeastSignificantBits());
        LocalDate released = earliest.plusDays(random.nextLong(ChronoUnit.DAYS.between(earliest, latest) + 1));
        String isrc = "XX" + letters(random, 3) + String.format(Locale.ROOT, "%02d%05d", released.getYear() % 100, random.nextInt(100_000));
        int seconds = 300 + random.nextInt(181);
        // Milliseconds off the whole second by less than half, so the length rounds to Deezer's duration.
        int lengthMillis = seconds * 1000 + random.nextInt(-499, 500);
        // Deezer has no BPM for about a quarter of its tracks and says 0.
        double bpm = random.nextInt(4) == 0 ? 0 : (1200 + random.nextInt(201)) / 10.0;
        double gain = -(60 + random.nextInt(81)) / 10.0;
        int rank = 50_000 + random.nextInt(850_000);
        String releaseTitle = random.nextInt(3) == 0 ? track.title() + " EP" : track.title();
        UUID releaseId = uuid(seed, "release", id.toString());
        DeezerIds deezer = new DeezerIds(deezerId(random), deezerId(new SplittableRandom(artistId.getLeastSignificantBits())), deezerId(random));
        return new Recording(track.artist(), track.title(), track.remix(), isrc, lengthMillis, bpm, gain, rank, releaseTitle, released,
                new MusicBrainzIds(id, artistId, releaseId), deezer);
    }

    /** As both services title it: {@code Title (Remix)}. */
    String fullTitle() {
        return remix == null ? title : title + " (" + remix + ")";
    }

    /** Whole seconds, as Deezer gives it. */
    int durationSeconds() {
        return (lengthMillis + 500) / 1000;
    }

    boolean by(String artistQuery) {
        return TextFold.fold(artist).equals(TextFold.fold(artistQuery));
    }

    /** The query names this recording exactly: title and version, however punctuated ({@code Title - Remix}). */
    boolean titled(String titleQuery) {
        return TextFold.fold(fullTitle()).equals(TextFold.fold(titleQuery));
    }

    /** The query names this recording or, without a version, the piece it is a version of. */
    boolean titledOrVersionOf(String titleQuery) {
        return titled(titleQuery) || TextFold.fold(title).equals(TextFold.fold(titleQuery));
    }

    /** The same recording under another Deezer id, for when two recordings' hashes collide. */
    Recording withDeezerTrack(int track) {
        return new Recording(artist, title, remix, isrc, lengthMillis, bpm, gain, rank, releaseTitle, released, musicBrainz,
                new DeezerIds(track, deezer.artist(), deezer.album()));
    }

    private static UUID uuid(long seed, String kind, String name) {
        return UUID.nameUUIDFromBytes((seed + "/" + kind + "/" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static String letters(SplittableRandom random, int count) {
        StringBuilder letters = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            letters.append((char) ('A' + random.nextInt(26)));
        }
        return letters.toString();
    }

    /** Deezer ids are positive and fit in 32 bits; clients may read them as ints. */
    private static int deezerId(SplittableRandom random) {
        return 1_000_000 + random.nextInt(2_000_000_000);
    }
}
