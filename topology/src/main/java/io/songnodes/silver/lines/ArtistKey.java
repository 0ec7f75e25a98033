package io.songnodes.silver.lines;

/**
 * The key of an artist in Gold: the name folded as in {@link TrackKey} (so spellings meet) with
 * words joined by {@code -}, readable in a URL ({@code /api/artists/carl-craig}). A name of
 * punctuation only ({@code !!!}) folds to nothing and is keyed by a hash of the name instead.
 */
public final class ArtistKey {

    private ArtistKey() {
    }

    public static String of(String name) {
        String folded = TrackKey.fold(name);
        return folded.isEmpty() ? "a" + TrackKey.sha256(name.strip()).substring(0, 16) : folded.replace(' ', '-');
    }
}
