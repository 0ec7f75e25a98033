package io.songnodes.scrape;

import io.songnodes.scrape.fetch.FetchResult;
import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.bronze.ScrapeOutcome;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Assembles the Bronze event of one fetch attempt from what the fetcher and the parser saw. */
public final class BronzeRecords {

    private BronzeRecords() {
    }

    /** The record key: {@code source:playlist-id}. */
    public static String key(BronzePlaylist playlist) {
        return playlist.getSource() + ":" + playlist.getSourcePlaylistId();
    }

    /** A fetch that produced no page to parse: refused, robots, HTTP error, not modified. */
    public static BronzePlaylist unfetched(SiteScraper site, URI url, String playlistId, FetchResult fetch, Instant fetchedAt) {
        ScrapeOutcome outcome = switch (fetch.kind()) {
            case REFUSED -> ScrapeOutcome.URL_REFUSED;
            case ROBOTS_DISALLOWED -> ScrapeOutcome.ROBOTS_DISALLOWED;
            case NOT_MODIFIED -> ScrapeOutcome.NOT_MODIFIED;
            case HTTP_ERROR, FETCHED -> ScrapeOutcome.HTTP_ERROR;
        };
        return base(site, url, playlistId, fetch, fetchedAt)
                .setOutcome(outcome)
                .setScrapeError(fetch.problem().orElse(outcome.name()))
                .build();
    }

    /** A request the scraper will not fetch at all: an unconfigured host, a page that is no playlist, a malformed URL. */
    public static BronzePlaylist refused(String source, String url, String parserVersion, String reason, Instant at) {
        return BronzePlaylist.newBuilder()
                .setSource(source)
                .setUrl(url)
                .setSourcePlaylistId(url)
                .setFetchedAt(at)
                .setParserVersion(parserVersion)
                .setOutcome(ScrapeOutcome.URL_REFUSED)
                .setScrapeError(reason)
                .build();
    }

    /** A fetched page and what the parser read off it. */
    public static BronzePlaylist parsed(SiteScraper site, URI url, String playlistId, FetchResult fetch, Instant fetchedAt,
                                        PlaylistPage page) {
        return base(site, url, playlistId, fetch, fetchedAt)
                .setContentSha256(sha256(fetch.body()))
                .setTitle(page.title().orElse(null))
                .setDjs(page.djs())
                .setPlayedOn(page.playedOn().orElse(null))
                .setVenue(page.venue().orElse(null))
                .setCategories(page.categories())
                .setTracklistState(page.tracklistState().orElse(null))
                .setDeclaredTrackCount(page.declaredTrackCount().orElse(null))
                .setTracks(page.rows())
                .setOutcome(page.outcome())
                .setScrapeError(page.outcome() == ScrapeOutcome.OK ? null : page.problem().orElse(page.outcome().name()))
                .build();
    }

    /** A scrape that failed in a way nothing else caught: still one Bronze event, with the exception. */
    public static BronzePlaylist scrapeFailed(SiteScraper site, URI url, String playlistId, RuntimeException error, Instant at) {
        return BronzePlaylist.newBuilder()
                .setSource(site.source()).setUrl(url.toString()).setSourcePlaylistId(playlistId)
                .setFetchedAt(at).setParserVersion(site.parserVersion())
                .setOutcome(ScrapeOutcome.PARSE_ERROR)
                .setScrapeError(error.getClass().getName() + ": " + error.getMessage())
                .build();
    }

    /** A fetched page whose parser threw: the exception text goes to Bronze, the scraper goes on. */
    public static BronzePlaylist parseError(SiteScraper site, URI url, String playlistId, FetchResult fetch, Instant fetchedAt,
                                            RuntimeException error) {
        return base(site, url, playlistId, fetch, fetchedAt)
                .setContentSha256(sha256(fetch.body()))
                .setOutcome(ScrapeOutcome.PARSE_ERROR)
                .setScrapeError(error.getClass().getName() + ": " + error.getMessage())
                .build();
    }

    private static BronzePlaylist.Builder base(SiteScraper site, URI url, String playlistId, FetchResult fetch, Instant fetchedAt) {
        return BronzePlaylist.newBuilder()
                .setSource(site.source())
                .setUrl(url.toString())
                .setSourcePlaylistId(playlistId)
                .setHttpStatus(fetch.status() < 0 ? null : fetch.status())
                .setFetchedAt(fetchedAt)
                .setFetchDurationMs(fetch.elapsed().toMillis())
                .setParserVersion(site.parserVersion());
    }

    /** Hex SHA-256 of a page body: Bronze's content hash, and the simulator's ETag. */
    public static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
