package io.songnodes.scrape.mixesdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.songnodes.scrape.PlaylistPage;
import io.songnodes.schemas.bronze.RawTrackRow;
import io.songnodes.schemas.bronze.ScrapeOutcome;
import java.io.IOException;
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
 * Reads a MixesDB mix page, from the MediaWiki API's {@code action=parse} JSON (wikitext and
 * categories) or, as a fallback, from the rendered HTML page. Title, date, DJs and venue come from
 * the page title; the tracklist state (complete / incomplete / none) from the categories.
 */
public final class MixesDbPageParser {

    public static final String VERSION = "mixesdb-page/1.0";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATE = Pattern.compile("(?i)^tracklist[:_ ]+\\s*(complete|incomplete|none|missing)\\b.*");
    private static final Pattern HTML_CUE = Pattern.compile("^\\[([\\d:?]+)]\\s*(.*)$");

    /** @throws IllegalArgumentException when the body is not an API answer for a page */
    public PlaylistPage parseApi(String json) {
        JsonNode parse;
        try {
            parse = JSON.readTree(json).path("parse");
        } catch (IOException e) {
            throw new IllegalArgumentException("MediaWiki API answer is not JSON: " + e.getMessage(), e);
        }
        if (parse.isMissingNode()) {
            throw new IllegalArgumentException("MediaWiki API answer has no 'parse' object");
        }
        String title = parse.path("title").asText("");
        List<String> categories = new ArrayList<>();
        parse.path("categories").forEach(c -> categories.add(c.path("*").asText(c.path("category").asText()).replace('_', ' ')));
        JsonNode wikitext = parse.path("wikitext");
        String text = wikitext.isTextual() ? wikitext.asText() : wikitext.path("*").asText("");
        return page(title, categories, WikitextTracklist.rows(text));
    }

    /** Raw wikitext ({@code action=raw}), with the title and categories known from elsewhere. */
    public PlaylistPage parseWikitext(String title, String wikitext) {
        Matcher category = Pattern.compile("\\[\\[Category:([^]|]+)").matcher(wikitext);
        List<String> categories = new ArrayList<>();
        while (category.find()) {
            categories.add(category.group(1).strip());
        }
        return page(title, categories, WikitextTracklist.rows(wikitext));
    }

    /** The rendered page: {@code h1#firstHeading}, the list after the Tracklist heading, {@code #catlinks}. */
    public PlaylistPage parseHtml(String html) {
        Document doc = Jsoup.parse(html);
        Element heading = doc.selectFirst("h1#firstHeading");
        String title = heading == null ? doc.title() : heading.text();
        List<String> categories = doc.select("#catlinks li a").eachText();
        Element anchor = doc.selectFirst("#Tracklist");
        if (anchor == null) {
            return page(title, categories, Optional.empty());
        }
        Element section = anchor.parent() != null && anchor.parent().tagName().matches("h\\d") ? anchor.parent() : anchor;
        List<RawTrackRow> rows = new ArrayList<>();
        String part = null;
        for (Element next = section.nextElementSibling(); next != null && !next.tagName().matches("h\\d"); next = next.nextElementSibling()) {
            if (next.tagName().equals("dl")) {
                part = next.text().strip();
            }
            for (Element item : next.tagName().equals("ol") || next.tagName().equals("ul") ? next.children() : List.<Element>of()) {
                Matcher m = HTML_CUE.matcher(item.text().strip());
                String cue = m.matches() ? m.group(1) : null;
                String text = m.matches() ? m.group(2) : item.text().strip();
                rows.add(RawTrackRow.newBuilder().setPosition(rows.size() + 1).setRawText(text).setCue(cue).setSection(part)
                        .setIsId(text.equals("?")).build());
            }
        }
        return page(title, categories, Optional.of(rows));
    }

    private static PlaylistPage page(String title, List<String> categories, Optional<List<RawTrackRow>> tracklist) {
        MixTitle facts = MixTitle.parse(title);
        Optional<String> state = categories.stream()
                .map(STATE::matcher).filter(Matcher::matches).map(m -> m.group(1).toLowerCase(Locale.ROOT))
                .map(s -> s.equals("missing") ? "none" : s)
                .findFirst();
        if (tracklist.isEmpty()) {
            return new PlaylistPage(Optional.of(title).filter(t -> !t.isBlank()), facts.djs(), facts.date(), facts.venue(), categories,
                    state, Optional.empty(), List.of(), ScrapeOutcome.EMPTY_TRACKLIST,
                    Optional.of("no Tracklist section on the page" + state.map(s -> " (tracklist state: " + s + ")").orElse("")), List.of());
        }
        StringBuilder problem = new StringBuilder();
        ScrapeOutcome outcome = PlaylistPage.judgeRows(tracklist.get().size(), Optional.empty(), problem);
        return new PlaylistPage(Optional.of(title).filter(t -> !t.isBlank()), facts.djs(), facts.date(), facts.venue(), categories,
                state, Optional.empty(), tracklist.get(), outcome, problem.isEmpty() ? Optional.empty() : Optional.of(problem.toString()),
                List.of());
    }
}
