package io.songnodes.scrape;

import io.songnodes.schemas.bronze.RawTrackRow;
import io.songnodes.schemas.bronze.ScrapeOutcome;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a page parser read off one page: the playlist's facts, its rows exactly as shown, the
 * parser's verdict ({@code OK}, {@code EMPTY_TRACKLIST}, {@code SHELL_PAGE}, ...) with the reason
 * when it is not OK, and links worth scraping next.
 */
public record PlaylistPage(Optional<String> title, List<String> djs, Optional<LocalDate> playedOn, Optional<String> venue,
                           List<String> categories, Optional<String> tracklistState, Optional<Integer> declaredTrackCount,
                           List<RawTrackRow> rows, ScrapeOutcome outcome, Optional<String> problem, List<URI> discovered) {

    public PlaylistPage {
        djs = List.copyOf(djs);
        categories = List.copyOf(categories);
        rows = List.copyOf(rows);
        discovered = List.copyOf(discovered);
    }

    /** A page with nothing to read, e.g. a shell page or one the parser could not make sense of. */
    public static PlaylistPage failed(ScrapeOutcome outcome, String problem) {
        return new PlaylistPage(Optional.empty(), List.of(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), List.of(), outcome, Optional.of(problem), List.of());
    }

    /** A page that is not a playlist but links to some (a search result, a category). */
    public static PlaylistPage linksOnly(List<URI> discovered) {
        return new PlaylistPage(Optional.empty(), List.of(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), List.of(), ScrapeOutcome.OK, Optional.empty(), discovered);
    }

    /**
     * The verdict on the rows found against what the page declares: no rows is
     * {@code EMPTY_TRACKLIST} (the silent failure this platform exists to catch), a declared count
     * that differs is {@code COUNT_MISMATCH}.
     */
    public static ScrapeOutcome judgeRows(int rows, Optional<Integer> declared, StringBuilder problem) {
        if (rows == 0) {
            problem.append("no track rows found").append(declared.map(d -> " (page declares " + d + ")").orElse(""));
            return ScrapeOutcome.EMPTY_TRACKLIST;
        }
        if (declared.isPresent() && declared.get() != rows) {
            problem.append("parsed ").append(rows).append(" rows, page declares ").append(declared.get());
            return ScrapeOutcome.COUNT_MISMATCH;
        }
        return ScrapeOutcome.OK;
    }
}
