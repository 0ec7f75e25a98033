package io.songnodes.scrape;

import io.songnodes.platform.dlq.DeadLetters;
import io.songnodes.platform.kafka.ConsumerLoop;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.dlq.DeadLetterCategory;
import io.songnodes.schemas.scrape.ScrapeReason;
import io.songnodes.schemas.scrape.ScrapeRequest;
import io.songnodes.scrape.fetch.FetchSettings;
import io.songnodes.scrape.fetch.PageFetcher;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code scrape.requests.v1} and publishes what each fetch saw to {@code bronze.playlists.v1}:
 * exactly one Bronze event per playlist fetch attempt, whatever happened. Links found on pages
 * become new requests (up to the maximum depth, never for URLs scraped recently). The Bronze event,
 * the new requests, the URL's last-scraped time and the request's offset are committed in one Kafka
 * transaction, so a crash never loses or duplicates a scrape's output. Unreadable requests go to
 * {@code dlq.scrape-requests.v1} byte-exact with the reason in headers.
 */
public final class ScrapeService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScrapeService.class);
    private static final String UNKNOWN_SOURCE = "unknown";

    /** @param recentWindow a URL scraped within this window is not fetched again for discovery or backfill */
    public record Settings(String groupId, String transactionalId, int maxDepth, Duration recentWindow) {
    }

    private final Settings settings;
    private final ScrapeSites sites;
    private final PageFetcher fetcher;
    private final Clock clock;
    private final ScrapeMetrics metrics;
    private final RecentScrapes recent;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Serde<ScrapeRequest> requests;
    private final Serde<BronzePlaylist> bronze;
    /** Links this instance requested, and when: not requested again within the recent window. */
    private final Map<String, Instant> requestedThisRun = new HashMap<>();
    private final AtomicLong processed = new AtomicLong();
    private ConsumerLoop<byte[], byte[]> loop;

    /**
     * The longest one request can take: two fetches (MixesDB's API, then its page), each of up to
     * every attempt waiting the longest host interval, connecting, reading and backing off.
     */
    static Duration worstCaseScrape(FetchSettings fetch) {
        Duration attempt = PageFetcher.MAX_CRAWL_DELAY.plus(fetch.connectTimeout()).plus(fetch.readTimeout()).plus(fetch.backoffMax());
        return attempt.multipliedBy(fetch.maxAttempts()).multipliedBy(2).plusMinutes(1);
    }

    private ScrapeService(Settings settings, KafkaConnection kafka, SchemaRegistryClient registry, ScrapeSites sites,
                          PageFetcher fetcher, MeterRegistry meters, Clock clock) {
        this.settings = settings;
        this.sites = sites;
        this.fetcher = fetcher;
        this.clock = clock;
        this.metrics = new ScrapeMetrics(meters);
        this.requests = Topics.SCRAPE_REQUESTS.valueSerde(registry);
        this.bronze = Topics.BRONZE_PLAYLISTS.valueSerde(registry);
        this.recent = RecentScrapes.load(kafka, Duration.ofSeconds(30));
        Map<String, Object> consumerProps = kafka.consumerProperties(settings.groupId());
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // One request at a time, and room for the slowest polite scrape between two polls.
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        consumerProps.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, worstCaseScrape(sites.fetchSettings()).toMillis()));
        this.consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> producerProps = kafka.producerProperties();
        producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        this.producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public static ScrapeService start(Settings settings, KafkaConnection kafka, SchemaRegistryClient registry, ScrapeSites sites,
                                      PageFetcher fetcher, MeterRegistry meters, Clock clock) {
        ScrapeService service = new ScrapeService(settings, kafka, registry, sites, fetcher, meters, clock);
        service.producer.initTransactions();
        service.consumer.subscribe(List.of(Topics.SCRAPE_REQUESTS.name()));
        service.loop = ConsumerLoop.start("songnodes-scraper", service.consumer, Duration.ofMillis(500), records -> {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                service.handle(record);
                service.processed.incrementAndGet();
            }
        });
        log.info("Scraper consuming {} ({} URLs known as scraped)", Topics.SCRAPE_REQUESTS.name(), service.recent.size());
        return service;
    }

    /** Running, and not stopped by a failure. */
    public boolean isHealthy() {
        return loop.isHealthy();
    }

    public Optional<Throwable> failure() {
        return loop.failure();
    }

    /** Requests taken off the topic so far (scraped, skipped, refused or dead-lettered). */
    public long processed() {
        return processed.get();
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
        ScrapeRequest request;
        try {
            request = requests.deserializer().deserialize(record.topic(), record.value());
            if (request == null) {
                throw new IllegalArgumentException("empty scrape request (tombstone)");
            }
        } catch (RuntimeException e) {
            inTransaction(record, () -> deadLetter(record, e));
            return;
        }
        Instant now = clock.instant();
        URI url;
        try {
            url = CanonicalUrl.of(request.getUrl());
        } catch (IllegalArgumentException e) {
            publishRefused(record, request.getSource(), request.getUrl(), e.getMessage(), now);
            return;
        }
        Optional<SiteScraper> site = sites.siteFor(url);
        if (site.isEmpty()) {
            publishRefused(record, Optional.ofNullable(request.getSource()).orElse(UNKNOWN_SOURCE), url.toString(),
                    "host " + url.getHost() + " is not a configured source; not fetched", now);
            return;
        }
        if (site.get().playlistId(url).isEmpty() && !site.get().isDiscoveryPage(url)) {
            publishRefused(record, site.get().source(), url.toString(), "not a playlist or discovery page of " + site.get().source(), now);
            return;
        }
        boolean routine = request.getReason() == ScrapeReason.DISCOVERY || request.getReason() == ScrapeReason.BACKFILL;
        if (routine && recent.scrapedSince(url, now.minus(settings.recentWindow()))) {
            metrics.skipped(site.get().source(), "scraped_recently");
            inTransaction(record, () -> { });
            return;
        }
        // A rescrape or a manual request asks for the page again, not for "unchanged".
        SiteScraper.Result result = scrape(site.get(), url, routine ? fetcher : fetcher.unconditional());
        Instant scrapedAt = clock.instant();
        List<URI> follow = request.getDepth() < settings.maxDepth() ? newLinks(result.discovered(), scrapedAt) : List.of();
        inTransaction(record, () -> {
            result.playlist().ifPresent(this::sendBronze);
            for (URI link : follow) {
                sendRequest(link, site.get().source(), request, scrapedAt);
            }
            producer.send(new ProducerRecord<>(Topics.SCRAPE_SEEN_URLS.name(), bytes(url.toString()),
                    new LongSerializer().serialize(Topics.SCRAPE_SEEN_URLS.name(), scrapedAt.toEpochMilli())));
        });
        recent.record(url, scrapedAt);
        follow.forEach(link -> requestedThisRun.put(link.toString(), scrapedAt));
        metrics.discovered(site.get().source(), follow.size());
        result.playlist().ifPresent(metrics::attempt);
    }

    /** A scraper that throws (a page shape nobody foresaw) still yields its Bronze event, and the service goes on. */
    private SiteScraper.Result scrape(SiteScraper site, URI url, PageFetcher pages) throws InterruptedException {
        try {
            return site.scrape(url, pages);
        } catch (RuntimeException e) {
            log.warn("Scraping {} failed: {}", url, e.toString());
            return new SiteScraper.Result(site.playlistId(url).map(id -> BronzeRecords.scrapeFailed(site, url, id, e, clock.instant())),
                    List.of());
        }
    }

    private List<URI> newLinks(List<URI> discovered, Instant now) {
        Instant since = now.minus(settings.recentWindow());
        requestedThisRun.values().removeIf(at -> at.isBefore(since));
        List<URI> links = new ArrayList<>();
        for (URI link : discovered) {
            try {
                URI canonical = CanonicalUrl.of(link.toString());
                if (sites.siteFor(canonical).isPresent() && !links.contains(canonical)
                        && !requestedThisRun.containsKey(canonical.toString()) && !recent.scrapedSince(canonical, since)) {
                    links.add(canonical);
                }
            } catch (IllegalArgumentException e) {
                log.debug("Ignoring discovered link {}: {}", link, e.getMessage());
            }
        }
        return links;
    }

    private void publishRefused(ConsumerRecord<byte[], byte[]> record, String source, String url, String reason, Instant at) {
        BronzePlaylist refused = BronzeRecords.refused(source, url, "none", reason, at);
        inTransaction(record, () -> sendBronze(refused));
        metrics.attempt(refused);
    }

    private void sendBronze(BronzePlaylist playlist) {
        String topic = Topics.BRONZE_PLAYLISTS.name();
        producer.send(new ProducerRecord<>(topic, bytes(BronzeRecords.key(playlist)), bronze.serializer().serialize(topic, playlist)));
    }

    private void sendRequest(URI link, String source, ScrapeRequest parent, Instant at) {
        String topic = Topics.SCRAPE_REQUESTS.name();
        ScrapeRequest request = ScrapeRequest.newBuilder()
                .setUrl(link.toString()).setCanonicalUrl(link.toString()).setSource(source)
                .setReason(ScrapeReason.DISCOVERY).setPriority(parent.getPriority()).setRequestedAt(at)
                .setDepth(parent.getDepth() + 1).setDiscoveredFrom(parent.getCanonicalUrl())
                .build();
        producer.send(new ProducerRecord<>(topic, bytes(link.toString()), requests.serializer().serialize(topic, request)));
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> record, RuntimeException error) {
        producer.send(DeadLetters.record(Topics.DLQ_SCRAPE_REQUESTS.name(), record.key(), record.value(), record.headers(),
                DeadLetters.reason(DeadLetterCategory.DESERIALIZATION, error, record.topic(), record.partition(), record.offset(),
                        settings.groupId(), "read-scrape-request", clock.instant()).build()));
        metrics.deadLetter(DeadLetterCategory.DESERIALIZATION.name());
        log.warn("Unreadable scrape request at {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(),
                Topics.DLQ_SCRAPE_REQUESTS.name(), error.getMessage());
    }

    /** Runs the sends and commits them with the request's offset, atomically. */
    private void inTransaction(ConsumerRecord<byte[], byte[]> record, Runnable sends) {
        producer.beginTransaction();
        try {
            sends.run();
            producer.sendOffsetsToTransaction(Map.of(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1)), consumer.groupMetadata());
            producer.commitTransaction();
        } catch (RuntimeException e) {
            try {
                producer.abortTransaction();
            } catch (RuntimeException abortFailed) {
                e.addSuppressed(abortFailed); // keep the first error visible
            }
            throw e;
        }
    }

    private static byte[] bytes(String s) {
        return new StringSerializer().serialize(null, s);
    }

    @Override
    public void close() {
        loop.close();
        producer.close(Duration.ofSeconds(5));
    }
}
