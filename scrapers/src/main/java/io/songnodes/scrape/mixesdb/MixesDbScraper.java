package io.songnodes.scrape.mixesdb;

import io.songnodes.scrape.BronzeRecords;
import io.songnodes.scrape.PlaylistPage;
import io.songnodes.scrape.SiteScraperBase;
import io.songnodes.scrape.fetch.FetchResult;
import io.songnodes.scrape.fetch.PageFetcher;
import io.songnodes.schemas.bronze.BronzePlaylist;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MixesDB: a mix page {@code /w/<Title>} is read through the MediaWiki API
 * ({@code /w/api.php?action=parse&page=<Title>&prop=wikitext|categories&format=json}); when the API
 * fails or answers nonsense, the rendered page is fetched and parsed instead.
 */
public final class MixesDbScraper extends SiteScraperBase {

    public static final String SOURCE = "mixesdb";

    private static final Logger log = LoggerFactory.getLogger(MixesDbScraper.class);

    private final MixesDbPageParser parser = new MixesDbPageParser();

    public MixesDbScraper(URI baseUrl, Clock clock) {
        super(SOURCE, baseUrl, MixesDbPageParser.VERSION, clock);
    }

    /** The page title, spaces as MixesDB writes them in URLs ({@code _}). */
    @Override
    public Optional<String> playlistId(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (!path.startsWith("/w/") || path.length() <= 3 || path.startsWith("/w/api.php") || path.contains("Category:")) {
            return Optional.empty();
        }
        return Optional.of(URLDecoder.decode(path.substring(3), StandardCharsets.UTF_8).replace(' ', '_'));
    }

    /** MixesDB discovery (category pages) is not scraped yet; mixes are requested by URL. */
    @Override
    public boolean isDiscoveryPage(URI url) {
        return false;
    }

    public URI apiUrl(String title) {
        return baseUrl().resolve("/w/api.php?action=parse&page=" + URLEncoder.encode(title, StandardCharsets.UTF_8)
                + "&prop=wikitext%7Ccategories&format=json");
    }

    @Override
    public Result scrape(URI url, PageFetcher fetcher) throws InterruptedException {
        Optional<String> title = playlistId(url);
        if (title.isEmpty()) {
            return new Result(Optional.empty(), List.of());
        }
        Instant fetchedAt = clock.instant();
        FetchResult api = fetcher.fetch(apiUrl(title.get()));
        if (api.kind() == FetchResult.Kind.FETCHED) {
            try {
                return found(url, title.get(), api, fetchedAt, parser.parseApi(api.text()));
            } catch (IllegalArgumentException e) {
                log.info("MixesDB API answer for {} unusable ({}); falling back to the rendered page", title.get(), e.getMessage());
            }
        } else if (api.kind() != FetchResult.Kind.HTTP_ERROR) {
            return new Result(Optional.of(BronzeRecords.unfetched(this, url, title.get(), api, fetchedAt)), List.of());
        }
        FetchResult page = fetcher.fetch(url);
        if (page.kind() != FetchResult.Kind.FETCHED) {
            return new Result(Optional.of(BronzeRecords.unfetched(this, url, title.get(), page, fetchedAt)), List.of());
        }
        return new Result(Optional.of(fromFetched(url, title.get(), page, fetchedAt)), List.of());
    }

    /** An API answer (JSON) or a rendered page (HTML), told apart by their first character. */
    @Override
    public BronzePlaylist fromFetched(URI url, String playlistId, FetchResult fetched, Instant fetchedAt) {
        try {
            String body = fetched.text();
            PlaylistPage page = body.stripLeading().startsWith("{") ? parser.parseApi(body) : parser.parseHtml(body);
            return BronzeRecords.parsed(this, url, playlistId, fetched, fetchedAt, page);
        } catch (RuntimeException e) {
            return BronzeRecords.parseError(this, url, playlistId, fetched, fetchedAt, e);
        }
    }

    private Result found(URI url, String title, FetchResult fetch, Instant fetchedAt, PlaylistPage page) {
        return new Result(Optional.of(BronzeRecords.parsed(this, url, title, fetch, fetchedAt, page)), page.discovered());
    }
}
