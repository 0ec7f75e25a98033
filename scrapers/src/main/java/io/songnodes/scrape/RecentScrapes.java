package io.songnodes.scrape;

import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.kafka.TopicReader;
import io.songnodes.platform.topics.Topics;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each URL was last scraped, rebuilt at start from the compacted {@code scrape.seen-urls.v1}
 * topic (the scraper writes it in the same transaction as the Bronze event), so a restart does
 * not rescrape the world.
 */
final class RecentScrapes {

    private final Map<String, Instant> lastScraped = new ConcurrentHashMap<>();

    static RecentScrapes load(KafkaConnection kafka, Duration timeout) {
        RecentScrapes recent = new RecentScrapes();
        TopicReader.readToEnd(kafka, Topics.SCRAPE_SEEN_URLS.name(), new StringDeserializer(), new LongDeserializer(), timeout, record -> {
            if (record.value() == null) {
                recent.lastScraped.remove(record.key());
            } else {
                recent.lastScraped.put(record.key(), Instant.ofEpochMilli(record.value()));
            }
        });
        return recent;
    }

    boolean scrapedSince(URI canonicalUrl, Instant since) {
        Instant last = lastScraped.get(canonicalUrl.toString());
        return last != null && last.isAfter(since);
    }

    void record(URI canonicalUrl, Instant at) {
        lastScraped.put(canonicalUrl.toString(), at);
    }

    int size() {
        return lastScraped.size();
    }
}
