package io.songnodes.scrape.mixesdb;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts MixesDB puts in a page title, {@code YYYY-MM-DD - Artist(s) @ Venue}: dates may be
 * partial ({@code 2017-10-XX}), the venue is optional, several DJs are joined with {@code &},
 * {@code ,} or {@code b2b}.
 */
record MixTitle(Optional<LocalDate> date, List<String> djs, Optional<String> venue) {

    private static final Pattern TITLE = Pattern.compile("^(\\d{4}-[\\dX]{2}-[\\dX]{2})\\s+-\\s+(.+?)(?:\\s+@\\s+(.+))?$");
    private static final Pattern DJ_SEPARATOR = Pattern.compile("\\s*(?:&|,|\\bb2b\\b|\\bB2B\\b)\\s*");

    static MixTitle parse(String title) {
        Matcher m = TITLE.matcher(title.replace('_', ' ').strip());
        if (!m.matches()) {
            return new MixTitle(Optional.empty(), List.of(), Optional.empty());
        }
        List<String> djs = Arrays.stream(DJ_SEPARATOR.split(m.group(2))).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new MixTitle(date(m.group(1)), djs, Optional.ofNullable(m.group(3)).map(String::strip));
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return text.contains("X") ? Optional.empty() : Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
