package io.songnodes.silver.lines;

import io.songnodes.platform.text.TextFold;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The canonical identity of a track: its primary artists (order-insensitive, case- and
 * diacritic-folded), its title, and its versions with their remixers — never the title alone.
 * Featured artists are left out, so {@code feat.} and {@code ft.} spellings meet; different remixes
 * stay different tracks. {@link #value()} is a short stable hash of {@link #identity()}.
 */
public record TrackKey(String value, String identity) {

    static TrackKey of(List<String> artists, String title, List<TrackLine.Version> versions) {
        String identity = artists.stream().map(TrackKey::fold).sorted().distinct().collect(Collectors.joining(" & "))
                + " | " + fold(title)
                + " | " + versions.stream().map(v -> fold(v.display())).collect(Collectors.joining(" ; "));
        return new TrackKey("t" + sha256(identity).substring(0, 24), identity);
    }

    /** Lower case, accents and punctuation away, so spelling variants of a name compare equal ({@link TextFold}). */
    static String fold(String text) {
        return TextFold.fold(text);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
