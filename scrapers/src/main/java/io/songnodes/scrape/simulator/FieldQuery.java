package io.songnodes.scrape.simulator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code field:"value"} terms of a search query, written alike in MusicBrainz's Lucene syntax
 * ({@code artist:"A" AND recording:"T"}) and Deezer's advanced search ({@code artist:"A" track:"T"}).
 * Values may be quoted or bare, with Lucene's backslash escapes; operators between terms are
 * ignored, as clients only send conjunctions. Field names are case-insensitive; the first of a
 * repeated field counts.
 */
final class FieldQuery {

    private static final Pattern TERM = Pattern.compile("(\\w+):(?:\"((?:[^\"\\\\]|\\\\.)*)\"|((?:[^\\s\\\\]|\\\\.)+))");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(.)");

    private final Map<String, String> fields;

    private FieldQuery(Map<String, String> fields) {
        this.fields = fields;
    }

    static FieldQuery parse(String query) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher term = TERM.matcher(query);
        while (term.find()) {
            String raw = term.group(2) != null ? term.group(2) : term.group(3);
            fields.putIfAbsent(term.group(1).toLowerCase(Locale.ROOT), ESCAPE.matcher(raw).replaceAll("$1"));
        }
        return new FieldQuery(fields);
    }

    Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name)).filter(v -> !v.isBlank());
    }
}
