package io.songnodes.scrape;

import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.scrape.fetch.FetchSettings;
import io.songnodes.platform.outbound.HostThrottle;
import io.songnodes.scrape.fetch.PageFetcher;
import io.songnodes.scrape.fetch.UrlPolicy;
import io.songnodes.scrape.mixesdb.MixesDbScraper;
import io.songnodes.scrape.tracklists.TracklistsScraper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * The configured source sites ({@code SONGNODES_SCRAPE_<SOURCE>_BASE_URL}, {@code _INTERVAL}) and
 * the one polite fetcher they share, which fetches nothing but their hosts.
 */
public final class ScrapeSites {

    private final Map<String, SiteScraper> byOrigin;
    private final Map<String, Duration> intervals;
    private final FetchSettings settings;
    private final Clock clock;

    private ScrapeSites(Map<String, SiteScraper> byOrigin, Map<String, Duration> intervals, FetchSettings settings, Clock clock) {
        this.byOrigin = byOrigin;
        this.intervals = intervals;
        this.settings = settings;
        this.clock = clock;
    }

    public static ScrapeSites fromConfig(SongNodesConfig config, Clock clock) {
        List<SiteScraper> sites = List.of(
                new MixesDbScraper(baseUrl(config, MixesDbScraper.SOURCE), clock),
                new TracklistsScraper(baseUrl(config, TracklistsScraper.SOURCE), clock));
        Map<String, SiteScraper> byOrigin = new LinkedHashMap<>();
        Map<String, Duration> intervals = new LinkedHashMap<>();
        for (SiteScraper site : sites) {
            byOrigin.put(UrlPolicy.origin(site.baseUrl()), site);
            intervals.put(UrlPolicy.origin(site.baseUrl()), config.duration("songnodes.scrape." + site.source() + ".interval"));
        }
        return new ScrapeSites(byOrigin, intervals, FetchSettings.from(config), clock);
    }

    private static URI baseUrl(SongNodesConfig config, String source) {
        String property = "songnodes.scrape." + source + ".base.url";
        try {
            return CanonicalUrl.of(config.string(property));
        } catch (IllegalArgumentException e) {
            throw new io.songnodes.platform.config.ConfigException(SongNodesConfig.variableName(property), e.getMessage());
        }
    }

    /** The configured site serving this URL, if any. */
    public Optional<SiteScraper> siteFor(URI url) {
        return Optional.ofNullable(byOrigin.get(UrlPolicy.origin(url)));
    }

    public Optional<SiteScraper> site(String source) {
        return byOrigin.values().stream().filter(s -> s.source().equals(source)).findFirst();
    }

    public List<SiteScraper> all() {
        return List.copyOf(byOrigin.values());
    }

    public FetchSettings fetchSettings() {
        return settings;
    }

    /** A fetcher for these sites only, throttled per host by the configured intervals. */
    public PageFetcher fetcher(HostThrottle throttle, RandomGenerator random) {
        UrlPolicy policy = new UrlPolicy(byOrigin.values().stream().map(SiteScraper::baseUrl).collect(Collectors.toSet()));
        return new PageFetcher(settings, policy, origin -> intervals.getOrDefault(origin, Duration.ofSeconds(15)), throttle, random, clock);
    }
}
