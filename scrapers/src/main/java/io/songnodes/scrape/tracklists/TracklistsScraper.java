package io.songnodes.scrape.tracklists;

import io.songnodes.scrape.BronzeRecords;
import io.songnodes.scrape.SiteScraperBase;
import io.songnodes.scrape.fetch.FetchResult;
import io.songnodes.scrape.fetch.PageFetcher;
import io.songnodes.schemas.bronze.BronzePlaylist;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 1001Tracklists: {@code /tracklist/<id>/<slug>.html} pages are playlists, {@code /search/...} pages are discovery. */
public final class TracklistsScraper extends SiteScraperBase {

    public static final String SOURCE = "1001tracklists";
    private static final Pattern TRACKLIST_PATH = Pattern.compile("^/tracklist/([0-9a-z]+)(?:/.*)?$");

    private final TracklistPageParser pages = new TracklistPageParser();
    private final SearchPageParser search = new SearchPageParser();

    public TracklistsScraper(URI baseUrl, Clock clock) {
        super(SOURCE, baseUrl, TracklistPageParser.VERSION, clock);
    }

    @Override
    public Optional<String> playlistId(URI url) {
        Matcher m = TRACKLIST_PATH.matcher(url.getPath() == null ? "" : url.getPath());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    @Override
    public boolean isDiscoveryPage(URI url) {
        return url.getPath() != null && url.getPath().startsWith("/search");
    }

    @Override
    public Result scrape(URI url, PageFetcher fetcher) throws InterruptedException {
        Optional<String> id = playlistId(url);
        if (id.isEmpty() && !isDiscoveryPage(url)) {
            return new Result(Optional.empty(), List.of());
        }
        Instant fetchedAt = clock.instant();
        FetchResult fetch = fetcher.fetch(url);
        if (id.isEmpty()) {
            return new Result(Optional.empty(), fetch.kind() == FetchResult.Kind.FETCHED ? search.tracklistLinks(fetch.text(), url) : List.of());
        }
        if (fetch.kind() != FetchResult.Kind.FETCHED) {
            return new Result(Optional.of(BronzeRecords.unfetched(this, url, id.get(), fetch, fetchedAt)), List.of());
        }
        return new Result(Optional.of(fromFetched(url, id.get(), fetch, fetchedAt)), List.of());
    }

    @Override
    public BronzePlaylist fromFetched(URI url, String playlistId, FetchResult fetched, Instant fetchedAt) {
        try {
            return BronzeRecords.parsed(this, url, playlistId, fetched, fetchedAt, pages.parse(fetched.text(), url));
        } catch (RuntimeException e) {
            return BronzeRecords.parseError(this, url, playlistId, fetched, fetchedAt, e);
        }
    }
}
