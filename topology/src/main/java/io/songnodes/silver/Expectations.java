package io.songnodes.silver;

import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.bronze.ScrapeOutcome;
import io.songnodes.schemas.silver.TrackPlay;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Every Silver expectation, declared once: name, default action, what it checks. Listed in docs/expectations.md. */
public final class Expectations {

    /** Outcomes of a page that carried a tracklist; the others say why it did not. */
    private static final Set<ScrapeOutcome> PAGE_WITH_TRACKLIST = EnumSet.of(ScrapeOutcome.OK, ScrapeOutcome.COUNT_MISMATCH,
            ScrapeOutcome.DECOY_SUSPECTED);

    public static final Expectation BRONZE_REQUIRED_FIELDS = new Expectation("bronze_required_fields", ExpectationAction.QUARANTINE,
            "the Bronze record carries every required field: source, URL, playlist id, parser version, fetch time",
            (bronze, plays) -> {
                List<String> missing = new java.util.ArrayList<>();
                if (blank(bronze.getSource())) {
                    missing.add("source");
                }
                if (blank(bronze.getUrl())) {
                    missing.add("url");
                }
                if (blank(bronze.getSourcePlaylistId())) {
                    missing.add("source_playlist_id");
                }
                if (blank(bronze.getParserVersion())) {
                    missing.add("parser_version");
                }
                if (bronze.getFetchedAt() == null || bronze.getFetchedAt().toEpochMilli() <= 0) {
                    missing.add("fetched_at");
                }
                return missing.isEmpty() ? Optional.empty() : Optional.of("missing " + String.join(", ", missing));
            });

    public static final Expectation HAS_TRACKS_OR_SCRAPE_ERROR = new Expectation("has_tracks_or_scrape_error",
            ExpectationAction.FAIL_PLAYLIST, "a playlist has tracks, or a scrape error saying why not (the seeds' chk_tracklist_count_valid)",
            (bronze, plays) -> !plays.isEmpty() || !blank(bronze.getScrapeError()) ? Optional.empty()
                    : Optional.of("0 tracks and no scrape error: a silent failure"));

    public static final Expectation PAGE_HAD_TRACKLIST = new Expectation("page_had_tracklist", ExpectationAction.FAIL_PLAYLIST,
            "the scraper found a tracklist on the page (not EMPTY_TRACKLIST, SHELL_PAGE or PARSE_ERROR)",
            (bronze, plays) -> PAGE_WITH_TRACKLIST.contains(bronze.getOutcome()) ? Optional.empty()
                    : Optional.of(bronze.getOutcome() + ": " + Objects.toString(bronze.getScrapeError(), "no reason given")));

    public static final Expectation ROWS_MATCH_DECLARED_COUNT = new Expectation("rows_match_declared_count", ExpectationAction.WARN,
            "the rows parsed equal the number of tracks the page declares",
            (bronze, plays) -> bronze.getDeclaredTrackCount() == null || bronze.getDeclaredTrackCount() == plays.size() ? Optional.empty()
                    : Optional.of(plays.size() + " rows, page declares " + bronze.getDeclaredTrackCount()));

    public static final Expectation NOT_SUSPECTED_DECOY = new Expectation("not_suspected_decoy", ExpectationAction.FAIL_PLAYLIST,
            "the page is not a suspected decoy (visible names disagreeing with microdata)",
            (bronze, plays) -> bronze.getOutcome() != ScrapeOutcome.DECOY_SUSPECTED ? Optional.empty()
                    : Optional.of(Objects.toString(bronze.getScrapeError(), "suspected decoy")));

    public static final Expectation IDENTIFIED_TRACKS_HAVE_ARTIST_AND_TITLE = new Expectation("identified_tracks_have_artist_and_title",
            ExpectationAction.WARN, "every identified (not unknown) play has an artist and a title",
            (bronze, plays) -> {
                String positions = plays.stream().filter(p -> !p.getUnknown() && (p.getArtists().isEmpty() || p.getTitle() == null))
                        .map(p -> String.valueOf(p.getPosition())).collect(Collectors.joining(", "));
                return positions.isEmpty() ? Optional.empty() : Optional.of("no artist or title at position(s) " + positions);
            });

    public static final Expectation CUES_NON_DECREASING = new Expectation("cues_non_decreasing", ExpectationAction.WARN,
            "known cues never go back in time within a section",
            (bronze, plays) -> {
                Integer last = null;
                String section = null;
                for (TrackPlay play : plays) {
                    if (!Objects.equals(section, play.getSection())) {
                        section = play.getSection();
                        last = null;
                    }
                    if (play.getCueSeconds() != null) {
                        if (last != null && play.getCueSeconds() < last) {
                            return Optional.of("cue at position " + play.getPosition() + " (" + play.getCue() + ") is before the one above it");
                        }
                        last = play.getCueSeconds();
                    }
                }
                return Optional.empty();
            });

    /** In the order they are evaluated: record-level checks first. */
    public static final List<Expectation> ALL = List.of(BRONZE_REQUIRED_FIELDS, HAS_TRACKS_OR_SCRAPE_ERROR, PAGE_HAD_TRACKLIST,
            ROWS_MATCH_DECLARED_COUNT, NOT_SUSPECTED_DECOY, IDENTIFIED_TRACKS_HAVE_ARTIST_AND_TITLE, CUES_NON_DECREASING);

    private Expectations() {
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
