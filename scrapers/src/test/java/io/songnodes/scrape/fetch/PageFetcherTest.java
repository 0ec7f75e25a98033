package io.songnodes.scrape.fetch;

import io.songnodes.platform.outbound.HostThrottle;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.songnodes.platform.http.AdminToken;
import io.songnodes.platform.http.HttpApi;
import io.songnodes.platform.http.HttpResponse;
import io.songnodes.scrape.FastScrapeConfig;
import io.songnodes.scrape.ScrapeSites;
import io.songnodes.scrape.simulator.Catalog;
import io.songnodes.scrape.simulator.Hit;
import io.songnodes.scrape.simulator.SiteSimulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The polite fetcher against a real HTTP server on loopback (the site simulator). */
class PageFetcherTest {

    private SiteSimulator site;
    private HttpApi other;
    private PageFetcher fetcher;
    private URI page;

    @BeforeEach
    void start() {
        site = SiteSimulator.start(SiteSimulator.Site.TRACKLISTS_1001, Catalog.generate(Catalog.Shape.demo(7)));
        other = HttpApi.start("redirector", "127.0.0.1", 0, 1, AdminToken.none());
        other.route("GET", "/robots.txt", r -> HttpResponse.text(404, "text/plain", ""));
        ScrapeSites sites = ScrapeSites.fromConfig(FastScrapeConfig.of(URI.create(other.baseUrl()),
                site.baseUrl(), Map.of("SONGNODES_SCRAPE_BREAKER_WINDOW", "6")), Clock.systemUTC());
        fetcher = sites.fetcher(HostThrottle.realTime(), new Random(3));
        page = site.playlistUrls().get(0);
    }

    @AfterEach
    void stop() {
        site.close();
        other.close();
    }

    @Test
    void anUnchangedPageCostsNothingTheSecondTime() throws InterruptedException {
        FetchResult first = fetcher.fetch(page);
        assertThat(first.kind()).isEqualTo(FetchResult.Kind.FETCHED);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text()).contains("tlTab");
        FetchResult second = fetcher.fetch(page);
        assertThat(second.kind()).isEqualTo(FetchResult.Kind.NOT_MODIFIED);
        assertThat(second.status()).isEqualTo(304);
        assertThat(site.hits()).extracting(Hit::path).containsExactly("/robots.txt", page.getPath(), page.getPath());
    }

    @Test
    void robotsTxtIsObeyed() throws InterruptedException {
        FetchResult result = fetcher.fetch(site.baseUrl().resolve(SiteSimulator.DISALLOWED_PREFIX + "secret"));
        assertThat(result.kind()).isEqualTo(FetchResult.Kind.ROBOTS_DISALLOWED);
        assertThat(site.hits()).extracting(Hit::path).containsExactly("/robots.txt");
    }

    @Test
    void aStormOf503sIsRetriedThenReportedAndOpensTheBreaker() throws InterruptedException {
        site.setMode(SiteSimulator.Mode.UNAVAILABLE);
        FetchResult first = fetcher.fetch(page);
        assertThat(first.kind()).isEqualTo(FetchResult.Kind.HTTP_ERROR);
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.attempts()).isEqualTo(3);
        assertThat(first.problem()).hasValueSatisfying(p -> assertThat(p).contains("gave up after 3 attempts: HTTP 503"));
        FetchResult second = fetcher.fetch(page);
        assertThat(fetcher.breakerState(page)).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(second.problem()).hasValueSatisfying(p -> assertThat(p).contains("circuit breaker open"));
        long pageHits = site.hits().stream().filter(h -> h.path().equals(page.getPath())).count();
        assertThat(pageHits).as("an open breaker stops hammering the site").isLessThan(6);
    }

    @Test
    void retryAfterIsHonoured() throws InterruptedException {
        site.setMode(SiteSimulator.Mode.RATE_LIMITED);
        long started = System.nanoTime();
        FetchResult result = fetcher.fetch(page);
        assertThat(result.kind()).isEqualTo(FetchResult.Kind.HTTP_ERROR);
        assertThat(result.status()).isEqualTo(429);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("two waits of Retry-After: 1").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void redirectsOffTheSiteAreNotFollowedAndOtherHostsAreRefused() throws InterruptedException {
        other.route("GET", "/w/{title}", r -> HttpResponse.text(302, "text/plain", "").withHeader("Location", "http://169.254.169.254/latest"));
        FetchResult redirected = fetcher.fetch(URI.create(other.baseUrl() + "/w/Some_Mix"));
        assertThat(redirected.kind()).isEqualTo(FetchResult.Kind.HTTP_ERROR);
        assertThat(redirected.problem()).hasValueSatisfying(p -> assertThat(p).contains("not followed"));
        FetchResult refused = fetcher.fetch(URI.create("http://169.254.169.254/latest/meta-data"));
        assertThat(refused.kind()).isEqualTo(FetchResult.Kind.REFUSED);
    }
}
