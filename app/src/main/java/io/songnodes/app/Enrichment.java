package io.songnodes.app;

import io.songnodes.enrich.EnrichmentRequestTopology;
import io.songnodes.enrich.EnrichmentService;
import io.songnodes.platform.Platform;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.health.Health;
import io.songnodes.platform.topics.Topics;
import io.songnodes.topology.StreamsApp;
import io.songnodes.topology.StreamsSettings;
import java.time.Clock;
import java.util.Optional;

/** Runs enrichment on a running platform: the request step (Streams) and the workers, tied to its lifetime and health. */
final class Enrichment {

    private Enrichment() {
    }

    /**
     * The request step always; the workers only when a provider is enabled, so requests wait on
     * their topic rather than being answered with nothing (and not asked again for 30 days).
     */
    static Optional<EnrichmentService> start(Platform platform, SongNodesConfig config) {
        platform.closeWithPlatform(StreamsApp.start(EnrichmentRequestTopology.TOPOLOGY,
                EnrichmentRequestTopology.build(platform.registry(), new EnrichmentRequestTopology.Timing(
                        config.duration("songnodes.enrich.expire.after"), config.duration("songnodes.enrich.request.timeout"),
                        config.duration("songnodes.enrich.recheck.every"))),
                StreamsSettings.forTopology(EnrichmentRequestTopology.TOPOLOGY, config, platform.kafka(), Topics.DLQ_ENRICHMENT.name()),
                platform.metrics(), platform.health()));
        if (!EnrichmentService.anyProviderEnabled(config)) {
            return Optional.empty();
        }
        EnrichmentService service = platform.closeWithPlatform(EnrichmentService.start(config, platform.kafka(), platform.registry(),
                platform.metrics().registry(), Clock.systemUTC()));
        platform.health().register("enrichment-workers", () -> service.isHealthy()
                ? Health.Status.up(service.providers().size() + " provider(s) enabled") : Health.Status.down("enrichment worker stopped"));
        return Optional.of(service);
    }
}
