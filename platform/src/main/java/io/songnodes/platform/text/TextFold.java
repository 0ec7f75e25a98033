package io.songnodes.platform.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Folds a name for comparison: lower case, accents and punctuation away, so spelling variants
 * ({@code Rødhad}, {@code RODHAD}; {@code Ø [Phase]}, {@code O Phase}) compare equal. Track keys and
 * the simulators' search matching both use it, so they agree on what counts as the same name.
 */
public final class TextFold {

    /** Letters Unicode does not decompose into a base letter and an accent. */
    private static final Map<Character, String> STROKED = Map.of(
            'ø', "o", 'đ', "d", 'ł', "l", 'æ', "ae", 'œ', "oe", 'ß', "ss", 'þ', "th", 'ð', "d", 'ħ', "h", 'ı', "i");

    private TextFold() {
    }

    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            folded.append(STROKED.getOrDefault(c, String.valueOf(c)));
        }
        return folded.toString().replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
