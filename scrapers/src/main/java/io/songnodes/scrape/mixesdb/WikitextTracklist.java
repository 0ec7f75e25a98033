package io.songnodes.scrape.mixesdb;

import io.songnodes.schemas.bronze.RawTrackRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of the {@code == Tracklist ==} section of a MixesDB page's wikitext. A row is a
 * {@code #} (or {@code *}) line; an optional leading cue in brackets ({@code [00:00]}, {@code [07]},
 * {@code [000]}, {@code [1:07:30]}, {@code [??]}) is split off, the rest is kept exactly as written,
 * unknown tracks ({@code ?}) included. {@code ;Part 1} lines name the section of the rows below.
 */
final class WikitextTracklist {

    private static final Pattern SECTION_HEADER = Pattern.compile("^\\s*(={2,})\\s*(.*?)\\s*\\1\\s*$");
    private static final Pattern ROW = Pattern.compile("^\\s*[#*]+\\s*(?:\\[([\\d:?]+)]\\s*)?(.*?)\\s*$");
    private static final Pattern PART = Pattern.compile("^\\s*;\\s*(.+?)\\s*$");

    private WikitextTracklist() {
    }

    /** Empty when the page has no Tracklist section at all (as opposed to an empty one). */
    static Optional<List<RawTrackRow>> rows(String wikitext) {
        List<RawTrackRow> rows = new ArrayList<>();
        boolean inTracklist = false;
        boolean found = false;
        String section = null;
        for (String line : wikitext.split("\\R")) {
            Matcher header = SECTION_HEADER.matcher(line);
            if (header.matches()) {
                inTracklist = header.group(2).equalsIgnoreCase("Tracklist");
                found |= inTracklist;
                continue;
            }
            if (!inTracklist) {
                continue;
            }
            Matcher part = PART.matcher(line);
            if (part.matches()) {
                section = part.group(1);
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (row.matches() && !row.group(2).isEmpty()) {
                rows.add(RawTrackRow.newBuilder()
                        .setPosition(rows.size() + 1)
                        .setRawText(row.group(2))
                        .setCue(row.group(1))
                        .setSection(section)
                        .setIsId(row.group(2).equals("?"))
                        .build());
            }
        }
        return found ? Optional.of(rows) : Optional.empty();
    }
}
