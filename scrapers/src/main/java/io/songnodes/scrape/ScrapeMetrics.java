package io.songnodes.scrape;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.songnodes.schemas.bronze.BronzePlaylist;

/** The scrapers' Prometheus counters. Labels are sources, outcomes and reasons, never URLs or ids. */
final class ScrapeMetrics {

    private final MeterRegistry registry;

    ScrapeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void attempt(BronzePlaylist bronze) {
        Counter.builder("songnodes_scrape_attempts").description("Fetch attempts of playlist pages, by outcome")
                .tag("source", bronze.getSource()).tag("outcome", bronze.getOutcome().name())
                .register(registry).increment();
        Counter.builder("songnodes_tracks_extracted").description("Track rows read off playlist pages")
                .tag("source", bronze.getSource())
                .register(registry).increment(bronze.getTracks().size());
    }

    void skipped(String source, String reason) {
        Counter.builder("songnodes_scrape_requests_skipped").description("Scrape requests not fetched, by reason")
                .tag("source", source).tag("reason", reason)
                .register(registry).increment();
    }

    void discovered(String source, int links) {
        Counter.builder("songnodes_scrape_links_discovered").description("New scrape requests made from links found on pages")
                .tag("source", source)
                .register(registry).increment(links);
    }

    void deadLetter(String category) {
        Counter.builder("songnodes_dead_letters").description("Records sent to a dead-letter topic")
                .tag("topic", io.songnodes.platform.topics.Topics.DLQ_SCRAPE_REQUESTS.name()).tag("category", category)
                .register(registry).increment();
    }
}
