package io.songnodes.silver.lines;

import java.util.Optional;
import java.util.regex.Pattern;

/** A trailing {@code [Label - CatNo]}, {@code [CatNo]}, {@code [Label]} or {@code [Unreleased]}. */
record LabelBracket(Optional<String> label, Optional<String> catalogueNumber, boolean unreleased) {

    /** Upper-case letters and digits with at least one digit, e.g. {@code KW 20}, {@code ET 002}, {@code BAO 10YDIG}, {@code 12INCH001}. */
    private static final Pattern CATALOGUE_NUMBER = Pattern.compile("^(?=.*\\d)[\\p{Lu}\\d][\\p{Lu}\\d .\\-/]*$");
    private static final String UNKNOWN = "?";

    static boolean looksLikeCatalogueNumber(String text) {
        return CATALOGUE_NUMBER.matcher(text).matches();
    }

    static LabelBracket parse(String inside) {
        String text = inside.strip();
        if (text.equalsIgnoreCase("unreleased") || text.equalsIgnoreCase("white label") || text.equalsIgnoreCase("forthcoming")) {
            return new LabelBracket(Optional.empty(), Optional.empty(), true);
        }
        int dash = text.lastIndexOf(" - ");
        if (dash >= 0) {
            return new LabelBracket(part(text.substring(0, dash)), part(text.substring(dash + 3)), false);
        }
        return looksLikeCatalogueNumber(text)
                ? new LabelBracket(Optional.empty(), part(text), false)
                : new LabelBracket(part(text), Optional.empty(), false);
    }

    /** A label or number needs a letter or digit; stray parentheses are dropped as everywhere else in a line. */
    private static Optional<String> part(String text) {
        String cleaned = TrackLineParser.balanced(text).strip();
        return cleaned.equals(UNKNOWN) || !TrackLineParser.meaningful(cleaned) ? Optional.empty() : Optional.of(cleaned);
    }
}
