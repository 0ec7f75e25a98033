package io.songnodes.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.songnodes.platform.config.Durations;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.kafka.LiveTable;
import io.songnodes.platform.outbound.Backoff;
import io.songnodes.platform.outbound.HostThrottle;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.enrichment.WaterfallRule;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The enrichment workers of one process, as configured: the enabled providers, each guarded; the
 * waterfall rules followed live from their topic; the answer cache loaded from its topic; and the
 * worker consuming the requests. Closed in reverse.
 */
public final class EnrichmentService implements AutoCloseable {

    public static final String GROUP_SUFFIX = "-enrichment-workers";

    private final LiveTable<WaterfallRule> rules;
    private final AnswerCache cache;
    private final List<GuardedProvider> providers;
    private final EnrichmentWorker worker;

    private EnrichmentService(LiveTable<WaterfallRule> rules, AnswerCache cache, List<GuardedProvider> providers, EnrichmentWorker worker) {
        this.rules = rules;
        this.cache = cache;
        this.providers = providers;
        this.worker = worker;
    }

    /** Whether any provider is enabled: without one a worker would answer every request with nothing. */
    public static boolean anyProviderEnabled(SongNodesConfig config) {
        return Providers.NAMES.stream().anyMatch(name -> Boolean.parseBoolean(config.string("songnodes.enrich." + name + ".enabled")));
    }

    public static EnrichmentService start(SongNodesConfig config, KafkaConnection kafka, SchemaRegistryClient registry, MeterRegistry meters,
                                          Clock clock) {
        String userAgent = config.string("songnodes.scrape.user.agent.token") + "/0.1 ( " + config.string("songnodes.scrape.contact") + " )";
        HttpClient http = HttpClient.newBuilder().connectTimeout(config.duration("songnodes.enrich.timeout"))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        GuardedProvider.Tuning tuning = new GuardedProvider.Tuning(config.integer("songnodes.enrich.max.attempts"),
                new Backoff(config.duration("songnodes.enrich.backoff.base"), config.duration("songnodes.enrich.backoff.max"), new Random()),
                config.duration("songnodes.enrich.negative.ttl"), config.integer("songnodes.enrich.breaker.window"),
                config.duration("songnodes.enrich.breaker.slow.call"), config.duration("songnodes.enrich.breaker.open.for"));
        List<Duration> delays = Arrays.stream(config.string("songnodes.enrich.retry.delays").split(",")).map(Durations::parse).toList();
        LiveTable<WaterfallRule> rules = LiveTable.start(kafka, Topics.CONFIG_ENRICHMENT_WATERFALL.name(),
                Topics.CONFIG_ENRICHMENT_WATERFALL.valueSerde(registry).deserializer(), Duration.ofSeconds(60));
        AnswerCache cache = null;
        try {
            cache = AnswerCache.backedBy(kafka, registry, clock);
            return start(config, kafka, registry, meters, clock, userAgent, http, tuning, delays, rules, cache);
        } catch (RuntimeException e) {
            rules.close();
            if (cache != null) {
                cache.close();
            }
            throw e;
        }
    }

    private static EnrichmentService start(SongNodesConfig config, KafkaConnection kafka, SchemaRegistryClient registry, MeterRegistry meters,
                                           Clock clock, String userAgent, HttpClient http, GuardedProvider.Tuning tuning, List<Duration> delays,
                                           LiveTable<WaterfallRule> rules, AnswerCache cache) {
        HostThrottle throttle = new HostThrottle(clock, d -> Thread.sleep(d.toMillis()));
        List<GuardedProvider> guarded = new ArrayList<>();
        for (String name : Providers.NAMES) {
            ProviderConfig provider = ProviderConfig.from(config, name, userAgent);
            if (provider.enabled()) {
                guarded.add(new GuardedProvider(Providers.create(provider.settings(), http), provider, cache,
                        new DailyBudget(provider.dailyBudget(), clock), throttle, tuning, meters));
            }
        }
        Waterfall waterfall = new Waterfall(guarded, new WaterfallRules(field -> rules.get(field).orElse(null)), clock);
        EnrichmentWorker worker = EnrichmentWorker.start(kafka, registry, waterfall, delays, config.integer("songnodes.enrich.concurrency"),
                config.string("songnodes.streams.application.id") + GROUP_SUFFIX, meters, clock);
        return new EnrichmentService(rules, cache, guarded, worker);
    }

    public List<GuardedProvider> providers() {
        return providers;
    }

    public boolean isHealthy() {
        return worker.isHealthy() && rules.isHealthy();
    }

    @Override
    public void close() {
        worker.close();
        cache.close();
        rules.close();
    }
}
