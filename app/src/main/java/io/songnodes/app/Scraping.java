package io.songnodes.app;

import io.songnodes.platform.Platform;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.health.Health;
import io.songnodes.scrape.ScrapeService;
import io.songnodes.scrape.ScrapeSites;
import io.songnodes.platform.outbound.HostThrottle;
import io.songnodes.scrape.fetch.PageFetcher;
import io.songnodes.scrape.SiteScraper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** Starts the scraper service on a running platform, tied to its lifetime, health and metrics. */
final class Scraping {

    private Scraping() {
    }

    static ScrapeService start(Platform platform, SongNodesConfig config) {
        ScrapeSites sites = ScrapeSites.fromConfig(config, Clock.systemUTC());
        String group = config.string("songnodes.streams.application.id") + "-scraper";
        // Unique per instance: since KIP-447 the consumer group, not the transactional id, fences zombies.
        String transactionalId = group + "-" + UUID.randomUUID();
        ScrapeService.Settings settings = new ScrapeService.Settings(group, transactionalId,
                config.integer("songnodes.scrape.max.depth"), config.duration("songnodes.scrape.recent.window"));
        PageFetcher fetcher = sites.fetcher(HostThrottle.realTime(), new SecureRandom());
        for (SiteScraper site : sites.all()) {
            Gauge.builder("songnodes_scrape_circuit_breaker_open", fetcher,
                            f -> f.breakerState(site.baseUrl()) == CircuitBreaker.State.OPEN ? 1 : 0)
                    .description("1 while the scraper has stopped calling the source after repeated failures")
                    .tag("source", site.source()).register(platform.metrics().registry());
        }
        ScrapeService service = platform.closeWithPlatform(ScrapeService.start(settings, platform.kafka(), platform.registry(), sites,
                fetcher, platform.metrics().registry(), Clock.systemUTC()));
        platform.health().register("scraper", () -> service.isHealthy()
                ? Health.Status.up(service.processed() + " request(s) processed")
                : Health.Status.down(service.failure().map(Throwable::toString).orElse("stopped")));
        return service;
    }
}
