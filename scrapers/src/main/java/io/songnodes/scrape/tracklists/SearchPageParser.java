package io.songnodes.scrape.tracklists;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads the tracklist links off a 1001Tracklists search result page, for discovery. */
public final class SearchPageParser {

    public List<URI> tracklistLinks(String html, URI pageUrl) {
        Document page = Jsoup.parse(html, pageUrl.toString());
        Set<URI> links = new LinkedHashSet<>();
        for (Element result : page.select("div.bItm.oItm")) {
            Element link = result.selectFirst("div.bTitle a[href*=/tracklist/]");
            if (link != null && !link.absUrl("href").isEmpty()) {
                try {
                    links.add(URI.create(link.absUrl("href")));
                } catch (IllegalArgumentException e) {
                    // an href no URI can hold (a space, a stray character): not a link to follow
                }
            }
        }
        return List.copyOf(links);
    }
}
