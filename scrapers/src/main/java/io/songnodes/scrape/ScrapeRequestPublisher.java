package io.songnodes.scrape;

import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.scrape.ScrapeReason;
import io.songnodes.schemas.scrape.ScrapeRequest;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts scrape requests on {@code scrape.requests.v1}, keyed by canonical URL: what backfills, the demo and operators do. */
public final class ScrapeRequestPublisher implements AutoCloseable {

    private final KafkaProducer<String, ScrapeRequest> producer;
    private final ScrapeSites sites;
    private final Clock clock;

    public ScrapeRequestPublisher(KafkaConnection kafka, SchemaRegistryClient registry, ScrapeSites sites, Clock clock) {
        this.producer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                Topics.SCRAPE_REQUESTS.valueSerde(registry).serializer());
        this.sites = sites;
        this.clock = clock;
    }

    /** Publishes and waits for the broker's acknowledgement, so a published request is never lost. */
    public void publish(URI url, ScrapeReason reason) {
        URI canonical = CanonicalUrl.of(url.toString());
        ScrapeRequest request = ScrapeRequest.newBuilder()
                .setUrl(url.toString()).setCanonicalUrl(canonical.toString())
                .setSource(sites.siteFor(canonical).map(SiteScraper::source).orElse("unknown"))
                .setReason(reason).setRequestedAt(clock.instant())
                .build();
        try {
            producer.send(new ProducerRecord<>(Topics.SCRAPE_REQUESTS.name(), canonical.toString(), request)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a scrape request", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish a scrape request for " + canonical + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
