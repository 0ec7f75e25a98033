package io.songnodes.scrape;

import io.songnodes.scrape.fetch.FetchResult;
import io.songnodes.scrape.fetch.PageFetcher;
import io.songnodes.schemas.bronze.BronzePlaylist;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One source site: which of its URLs are playlists or discovery pages, and how to scrape them. */
public interface SiteScraper {

    /** The source id on every record, e.g. {@code mixesdb}. */
    String source();

    URI baseUrl();

    String parserVersion();

    /** What one scrape produced: exactly one Bronze event for a playlist page, and links to follow. */
    record Result(Optional<BronzePlaylist> playlist, List<URI> discovered) {
        public Result {
            discovered = List.copyOf(discovered);
        }
    }

    /**
     * Scrapes one URL of this site. A playlist page always yields one Bronze event, whatever went
     * wrong; a discovery page (search, category) yields only links.
     */
    Result scrape(URI url, PageFetcher fetcher) throws InterruptedException;

    /**
     * The Bronze event of a page already fetched (or read from a saved file), as {@link #scrape}
     * builds it after fetching; how a saved page is checked with {@code songnodes scrape url --source}.
     */
    BronzePlaylist fromFetched(URI url, String playlistId, FetchResult fetched, Instant fetchedAt);

    /** The site's own id of the playlist at this URL, or empty when the URL is not a playlist page. */
    Optional<String> playlistId(URI url);

    /** A page scraped only for its links (search results, categories). */
    boolean isDiscoveryPage(URI url);
}
