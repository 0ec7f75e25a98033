package io.songnodes.scrape.tracklists;

import io.songnodes.scrape.PlaylistPage;
import io.songnodes.schemas.bronze.RawTrackRow;
import io.songnodes.schemas.bronze.ScrapeOutcome;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a 1001Tracklists detail page. The track container {@code #tlTab} decides what the page is
 * (a rendered page may still carry Cloudflare markup, so markers are not trusted): without it the
 * page is a JavaScript shell served to plain HTTP clients, with it every {@code div.tlpItem} row is
 * kept with its visible text, microdata name, label, cue and ID flag.
 */
public final class TracklistPageParser {

    public static final String VERSION = "1001tracklists-page/1.0";

    /** Share of rows whose visible name disagrees with the microdata name above which the page is a suspected decoy. */
    static final double DECOY_SHARE = 0.5;
    private static final Pattern TITLE_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s*$");

    public PlaylistPage parse(String html, URI url) {
        Document page = Jsoup.parse(html, url.toString());
        Element container = page.getElementById("tlTab");
        if (container == null) {
            return PlaylistPage.failed(ScrapeOutcome.SHELL_PAGE, "no track container #tlTab: a JavaScript shell page, not a tracklist ("
                    + page.select("script").size() + " scripts, " + page.body().text().length() + " characters of text)");
        }
        Optional<Integer> declared = declaredCount(container, page);
        List<RawTrackRow> rows = new ArrayList<>();
        int position = 0;
        int disagreeing = 0;
        int comparable = 0;
        for (Element row : container.select("div.tlpItem[data-trno]")) {
            RawTrackRow parsed = row(row, ++position);
            rows.add(parsed);
            if (!parsed.getIsId() && parsed.getMicrodataName() != null) {
                comparable++;
                if (!sameName(parsed.getRawText(), parsed.getMicrodataName())) {
                    disagreeing++;
                }
            }
        }
        StringBuilder problem = new StringBuilder();
        ScrapeOutcome outcome = PlaylistPage.judgeRows(rows.size(), declared, problem);
        if (outcome == ScrapeOutcome.OK && comparable > 0 && disagreeing > comparable * DECOY_SHARE) {
            outcome = ScrapeOutcome.DECOY_SUSPECTED;
            problem.append(disagreeing).append(" of ").append(comparable).append(" rows show a name that differs from their microdata name");
        }
        String title = metaContent(container, "name").orElseGet(page::title);
        return new PlaylistPage(Optional.ofNullable(title).filter(t -> !t.isBlank()), djs(container), playedOn(title),
                venue(title), List.of(), Optional.empty(), declared, rows, outcome,
                problem.isEmpty() ? Optional.empty() : Optional.of(problem.toString()), List.of());
    }

    private static RawTrackRow row(Element row, int position) {
        Element value = row.selectFirst(".trackValue");
        String visible = value == null ? "" : value.text().strip();
        Optional<String> name = metaContent(row, "name");
        Optional<String> artist = metaContent(row, "byArtist");
        Element label = row.selectFirst(".trackLabel");
        Element cue = row.selectFirst(".cue");
        return RawTrackRow.newBuilder()
                .setPosition(position)
                .setRawText(visible)
                .setCue(cue == null || cue.text().isBlank() ? null : cue.text().strip())
                .setArtistHint(artist.orElse(null))
                .setTitleHint(name.flatMap(n -> titleOf(n, artist)).orElse(null))
                .setLabelHint(label == null ? null : label.text().strip())
                .setMicrodataName(name.orElse(null))
                .setIsId("true".equalsIgnoreCase(row.attr("data-isid")))
                .build();
    }

    private static Optional<String> titleOf(String name, Optional<String> artist) {
        return artist.filter(a -> name.startsWith(a + " - ")).map(a -> name.substring(a.length() + 3));
    }

    /** Visible text and microdata name agree when they match after folding case and spacing. */
    static boolean sameName(String visible, String microdata) {
        return fold(visible).equals(fold(microdata));
    }

    private static String fold(String s) {
        return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static Optional<Integer> declaredCount(Element container, Document page) {
        Optional<String> count = Optional.of(container.attr("data-count")).filter(c -> !c.isBlank())
                .or(() -> Optional.ofNullable(page.selectFirst("meta[itemprop=numTracks]")).map(m -> m.attr("content")));
        try {
            return count.map(String::strip).map(Integer::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> metaContent(Element scope, String property) {
        Element meta = scope.selectFirst("meta[itemprop=" + property + "]");
        return meta == null ? Optional.empty() : Optional.of(meta.attr("content").strip()).filter(c -> !c.isEmpty());
    }

    private static List<String> djs(Element container) {
        return container.select("meta[itemprop=author]").eachAttr("content").stream()
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** 1001Tracklists titles read {@code DJ @ Event, Venue, Country YYYY-MM-DD}. */
    private static Optional<LocalDate> playedOn(String title) {
        if (title == null) {
            return Optional.empty();
        }
        Matcher m = TITLE_DATE.matcher(title);
        try {
            return m.find() ? Optional.of(LocalDate.parse(m.group(1))) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> venue(String title) {
        if (title == null || !title.contains(" @ ")) {
            return Optional.empty();
        }
        String afterAt = title.substring(title.indexOf(" @ ") + 3);
        return Optional.of(TITLE_DATE.matcher(afterAt).replaceFirst("").strip()).filter(v -> !v.isEmpty());
    }
}
