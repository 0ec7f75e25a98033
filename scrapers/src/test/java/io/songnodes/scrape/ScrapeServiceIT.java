package io.songnodes.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.songnodes.platform.dlq.DeadLetterHeaders;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.testkit.SharedKafka;
import io.songnodes.platform.topics.TopicAdmin;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.bronze.ScrapeOutcome;
import io.songnodes.schemas.dlq.DeadLetter;
import io.songnodes.schemas.dlq.DeadLetterCategory;
import io.songnodes.schemas.scrape.ScrapeReason;
import io.songnodes.schemas.scrape.ScrapeRequest;
import io.songnodes.platform.outbound.HostThrottle;
import io.songnodes.scrape.simulator.Catalog;
import io.songnodes.scrape.simulator.Hit;
import io.songnodes.scrape.simulator.SiteSimulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scraper service on the real broker against the site simulators: requests in, Bronze out. */
@ExtendWith(SharedKafka.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScrapeServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int TRACKS_PER_SET = 8;
    /**
     * The throttle spaces request starts exactly; they are measured where they arrive, after the
     * HTTP client and server threads of a loaded 2-core machine have had their say.
     */
    private static final long ARRIVAL_JITTER_MS = 60;

    private static KafkaConnection kafka;
    private static SchemaRegistryClient registry;
    private static Catalog catalog;
    private static SiteSimulator mixes;
    private static SiteSimulator tracklists;
    private static ScrapeSites sites;
    private static ScrapeService.Settings settings;
    private static ScrapeService service;
    private static KafkaProducer<String, ScrapeRequest> requests;
    private static KafkaConsumer<String, BronzePlaylist> bronzeReader;
    private static final List<BronzePlaylist> bronze = new ArrayList<>();

    @BeforeAll
    static void start(KafkaConnection sharedKafka, SchemaRegistryClient sharedRegistry) {
        kafka = sharedKafka;
        registry = sharedRegistry;
        try (Admin admin = kafka.admin()) {
            new TopicAdmin(admin).apply(Topics.ALL);
        }
        catalog = Catalog.generate(new Catalog.Shape(11, 5, TRACKS_PER_SET, 0.2, 0.3, 0.8));
        mixes = SiteSimulator.start(SiteSimulator.Site.MIXESDB, catalog);
        tracklists = SiteSimulator.start(SiteSimulator.Site.TRACKLISTS_1001, catalog);
        tracklists.disallow("/tracklist/sim00003/");
        sites = ScrapeSites.fromConfig(FastScrapeConfig.of(mixes.baseUrl(), tracklists.baseUrl(), Map.of()), Clock.systemUTC());
        String id = "scraper-it-" + UUID.randomUUID().toString().substring(0, 8);
        settings = new ScrapeService.Settings(id, id, 2, Duration.ofDays(7));
        service = startService(new SimpleMeterRegistry());
        requests = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(), Topics.SCRAPE_REQUESTS.valueSerde(registry).serializer());
        bronzeReader = new KafkaConsumer<>(kafka.consumerProperties(id + "-reader"), new StringDeserializer(),
                Topics.BRONZE_PLAYLISTS.valueSerde(registry).deserializer());
        bronzeReader.subscribe(List.of(Topics.BRONZE_PLAYLISTS.name()));
    }

    private static ScrapeService startService(SimpleMeterRegistry meters) {
        return ScrapeService.start(settings, kafka, registry, sites, sites.fetcher(HostThrottle.realTime(), new Random(5)), meters, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        service.close();
        requests.close();
        bronzeReader.close();
        mixes.close();
        tracklists.close();
    }

    private static void request(URI url, ScrapeReason reason) {
        ScrapeRequest request = ScrapeRequest.newBuilder().setUrl(url.toString()).setCanonicalUrl(CanonicalUrl.of(url.toString()).toString())
                .setSource("test").setReason(reason).setRequestedAt(Instant.now()).build();
        requests.send(new ProducerRecord<>(Topics.SCRAPE_REQUESTS.name(), request.getCanonicalUrl(), request));
        requests.flush();
    }

    private static List<BronzePlaylist> awaitBronze(Predicate<BronzePlaylist> wanted, int count) {
        await().atMost(WAIT).until(() -> {
            for (ConsumerRecord<String, BronzePlaylist> r : bronzeReader.poll(Duration.ofMillis(200))) {
                bronze.add(r.value());
            }
            return bronze.stream().filter(wanted).count() >= count;
        });
        return bronze.stream().filter(wanted).toList();
    }

    /** The first Bronze event for the URL fetched at or after {@code since}. */
    private static BronzePlaylist awaitNext(URI url, Instant since) {
        return awaitBronze(at(url).and(b -> !b.getFetchedAt().isBefore(since)), 1).get(0);
    }

    private static Predicate<BronzePlaylist> at(URI url) {
        String canonical = CanonicalUrl.of(url.toString()).toString();
        return b -> b.getUrl().equals(canonical);
    }

    @Test
    @Order(1)
    void aSearchPageLeadsToEveryOneOfTheDjsSets() {
        Catalog.DjSet first = catalog.sets().get(0);
        List<URI> expected = catalog.sets().stream().filter(s -> s.dj().equals(first.dj())).map(tracklists::playlistUrl).toList();
        request(tracklists.searchUrl(first.dj()), ScrapeReason.MANUAL);
        List<BronzePlaylist> found = awaitBronze(b -> expected.stream().anyMatch(u -> at(u).test(b)), expected.size());
        assertThat(found).hasSize(expected.size()).allSatisfy(b -> assertThat(b.getOutcome()).isIn(ScrapeOutcome.OK, ScrapeOutcome.ROBOTS_DISALLOWED));
    }

    @Test
    @Order(2)
    void nRequestedPagesGiveExactlyNBronzeEventsAtAPoliteRate() {
        Instant since = Instant.now();
        List<URI> pages = new ArrayList<>(mixes.playlistUrls());
        pages.addAll(tracklists.playlistUrls());
        pages.forEach(u -> request(u, ScrapeReason.MANUAL));
        URI sentinel = tracklists.baseUrl().resolve("/about.html");
        request(sentinel, ScrapeReason.MANUAL);
        Predicate<BronzePlaylist> ours = b -> !b.getFetchedAt().isBefore(since);
        awaitBronze(ours.and(b -> pages.stream().anyMatch(u -> at(u).test(b)) || at(sentinel).test(b)), pages.size() + 1);

        List<BronzePlaylist> events = bronze.stream().filter(ours).toList();
        for (URI page : pages) {
            assertThat(events.stream().filter(at(page))).as("events for " + page).hasSize(1);
        }
        assertThat(events).hasSize(pages.size() + 1);
        assertThat(events.stream().filter(at(sentinel)).findFirst().orElseThrow().getOutcome()).isEqualTo(ScrapeOutcome.URL_REFUSED);
        URI disallowed = tracklists.playlistUrl(catalog.sets().get(2));
        assertThat(events.stream().filter(at(disallowed)).findFirst().orElseThrow().getOutcome()).isEqualTo(ScrapeOutcome.ROBOTS_DISALLOWED);
        for (BronzePlaylist b : events) {
            if (at(disallowed).test(b) || at(sentinel).test(b)) {
                continue;
            }
            // MANUAL asks for the page again: no conditional GET, even for pages the discovery test just scraped.
            assertThat(b.getOutcome()).as(b.getUrl()).isEqualTo(ScrapeOutcome.OK);
            assertThat(b.getTracks()).hasSize(TRACKS_PER_SET);
            assertThat(b.getContentSha256()).hasSize(64);
            assertThat(b.getHttpStatus()).isEqualTo(200);
        }

        Duration interval = Duration.ofMillis(Long.parseLong(FastScrapeConfig.INTERVAL.replace("ms", "")));
        for (SiteSimulator site : List.of(mixes, tracklists)) {
            List<Instant> times = site.hits().stream().map(Hit::at).sorted().toList();
            assertThat(times.size()).isGreaterThan(5);
            Duration shortest = java.util.stream.IntStream.range(1, times.size())
                    .mapToObj(i -> Duration.between(times.get(i - 1), times.get(i))).min(Duration::compareTo).orElseThrow();
            System.out.printf("[polite rate] %d requests to %s, shortest gap %d ms, interval %d ms%n", times.size(), site.baseUrl(),
                    shortest.toMillis(), interval.toMillis());
            for (int i = 1; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 1), times.get(i)))
                        .as("gap before request %d to %s", i, site.baseUrl())
                        .isGreaterThanOrEqualTo(interval.minusMillis(ARRIVAL_JITTER_MS));
            }
        }
    }

    @Test
    @Order(3)
    void brokenMarkupShellPagesAnd503StormsEachGiveTheirOutcome() {
        URI page = tracklists.playlistUrl(catalog.sets().get(0));
        Map<SiteSimulator.Mode, ScrapeOutcome> expected = Map.of(
                SiteSimulator.Mode.BROKEN_MARKUP, ScrapeOutcome.EMPTY_TRACKLIST,
                SiteSimulator.Mode.SHELL_PAGES, ScrapeOutcome.SHELL_PAGE,
                SiteSimulator.Mode.UNAVAILABLE, ScrapeOutcome.HTTP_ERROR);
        for (SiteSimulator.Mode mode : List.of(SiteSimulator.Mode.BROKEN_MARKUP, SiteSimulator.Mode.SHELL_PAGES, SiteSimulator.Mode.UNAVAILABLE)) {
            tracklists.setMode(mode);
            Instant since = Instant.now();
            request(page, ScrapeReason.RESCRAPE);
            BronzePlaylist latest = awaitNext(page, since);
            assertThat(latest.getOutcome()).as(mode.name()).isEqualTo(expected.get(mode));
            assertThat(latest.getScrapeError()).as(mode.name()).isNotBlank();
        }
        tracklists.setMode(SiteSimulator.Mode.NORMAL);

        URI mix = mixes.playlistUrl(catalog.sets().get(1));
        mixes.setMode(SiteSimulator.Mode.BROKEN_MARKUP);
        Instant broken = Instant.now();
        request(mix, ScrapeReason.RESCRAPE);
        assertThat(awaitNext(mix, broken).getOutcome()).isEqualTo(ScrapeOutcome.EMPTY_TRACKLIST);
        mixes.setMode(SiteSimulator.Mode.SHELL_PAGES);
        Instant shell = Instant.now();
        request(mix, ScrapeReason.RESCRAPE);
        BronzePlaylist fallback = awaitNext(mix, shell);
        assertThat(fallback.getOutcome()).as("the API fails, the rendered page is read instead").isEqualTo(ScrapeOutcome.OK);
        assertThat(fallback.getTracks()).hasSize(TRACKS_PER_SET);
        mixes.setMode(SiteSimulator.Mode.NORMAL);
    }

    @Test
    @Order(4)
    void aPoisonRequestGoesToTheDeadLetterTopicAndTheNextOneFlows() {
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(kafka.producerProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.SCRAPE_REQUESTS.name(), "poison".getBytes(), "{\"url\": \"not avro\"}".getBytes()));
        }
        URI next = mixes.playlistUrl(catalog.sets().get(4));
        Instant since = Instant.now();
        request(next, ScrapeReason.MANUAL);
        awaitNext(next, since);

        try (KafkaConsumer<byte[], byte[]> dlq = new KafkaConsumer<>(kafka.consumerProperties("dlq-reader-" + UUID.randomUUID()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            dlq.subscribe(List.of(Topics.DLQ_SCRAPE_REQUESTS.name()));
            List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(letters::add);
                return letters.stream().anyMatch(l -> new String(l.key()).equals("poison"));
            });
            ConsumerRecord<byte[], byte[]> letter = letters.stream().filter(l -> new String(l.key()).equals("poison")).findFirst().orElseThrow();
            assertThat(new String(letter.value())).as("bytes kept unchanged").isEqualTo("{\"url\": \"not avro\"}");
            DeadLetter why = DeadLetterHeaders.read(letter.headers());
            assertThat(why.getCategory()).isEqualTo(DeadLetterCategory.DESERIALIZATION);
            assertThat(why.getSourceTopic()).isEqualTo(Topics.SCRAPE_REQUESTS.name());
            assertThat(why.getSourceOffset()).isNotNull();
            assertThat(why.getExceptionMessage()).contains("magic byte");
        }
    }

    @Test
    @Order(5)
    void aRequestForAnyOtherHostIsRefusedNotFetched() {
        URI metadata = URI.create("http://169.254.169.254/latest/meta-data");
        request(metadata, ScrapeReason.MANUAL);
        BronzePlaylist refused = awaitBronze(at(metadata), 1).get(0);
        assertThat(refused.getOutcome()).isEqualTo(ScrapeOutcome.URL_REFUSED);
        assertThat(refused.getScrapeError()).contains("not a configured source");
        assertThat(refused.getHttpStatus()).isNull();
    }

    @Test
    @Order(6)
    void aRestartedScraperRemembersWhatItScraped() {
        service.close();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        service = startService(meters);
        URI scraped = mixes.playlistUrl(catalog.sets().get(0));
        int before = (int) bronze.stream().filter(at(scraped)).count();
        request(scraped, ScrapeReason.BACKFILL);
        URI sentinel = tracklists.baseUrl().resolve("/contact.html");
        request(sentinel, ScrapeReason.MANUAL);
        awaitBronze(at(sentinel), 1);
        assertThat(bronze.stream().filter(at(scraped))).as("no second fetch of a recently scraped URL").hasSize(before);
        assertThat(meters.counter("songnodes_scrape_requests_skipped", "source", "mixesdb", "reason", "scraped_recently").count()).isEqualTo(1);
    }
}
