package io.songnodes.scrape;

import java.net.URI;
import java.time.Clock;

/** What every site scraper has: its source id, the site's base URL, its parser's version and a clock. */
public abstract class SiteScraperBase implements SiteScraper {

    private final String source;
    private final URI baseUrl;
    private final String parserVersion;
    protected final Clock clock;

    protected SiteScraperBase(String source, URI baseUrl, String parserVersion, Clock clock) {
        this.source = source;
        this.baseUrl = baseUrl;
        this.parserVersion = parserVersion;
        this.clock = clock;
    }

    @Override
    public final String source() {
        return source;
    }

    @Override
    public final URI baseUrl() {
        return baseUrl;
    }

    @Override
    public final String parserVersion() {
        return parserVersion;
    }
}
