package io.songnodes.scrape;

import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.topics.Topics;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
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
        String topic = Topics.SCRAPE_SEEN_URLS.name();
        try (KafkaConsumer<String, Long> consumer = new KafkaConsumer<>(kafka.readerProperties(), new StringDeserializer(), new LongDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, Long> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        recent.lastScraped.remove(record.key());
                    } else {
                        recent.lastScraped.put(record.key(), Instant.ofEpochMilli(record.value()));
                    }
                }
            }
        }
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
