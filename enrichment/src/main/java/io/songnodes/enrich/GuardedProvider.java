package io.songnodes.enrich;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.songnodes.enrich.providers.Candidate;
import io.songnodes.enrich.providers.MetadataProvider;
import io.songnodes.enrich.providers.ProviderException;
import io.songnodes.platform.outbound.Backoff;
import io.songnodes.platform.outbound.HostThrottle;
import io.songnodes.platform.text.TextFold;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A provider with everything the waterfall needs around it, the same for every provider: answers
 * from the cache first; then the daily budget, the circuit breaker (resilience4j), strict spacing
 * at the provider's rate limit, and retries with exponential backoff and jitter that honour
 * {@code Retry-After}; every call counted and timed.
 */
public final class GuardedProvider {

    /** What asking gave: candidates (possibly none), a skip, or a failure after every try. */
    public sealed interface Outcome permits Answered, Skipped, Failed {
    }

    public record Answered(List<Candidate> candidates) implements Outcome {
    }

    /** Not asked: over budget or breaker open. {@code outage} when asking again later may help. */
    public record Skipped(String reason, boolean outage) implements Outcome {
    }

    public record Failed(ProviderException error) implements Outcome {
    }

    private final MetadataProvider provider;
    private final ProviderConfig config;
    private final AnswerCache cache;
    private final DailyBudget budget;
    private final CircuitBreaker breaker;
    private final HostThrottle throttle;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Duration negativeTtl;
    private final Meters meters;

    /** How the guards are tuned, the same for every provider. */
    public record Tuning(int maxAttempts, Backoff backoff, Duration negativeTtl, int breakerWindow, Duration slowCall, Duration openFor) {
    }

    public GuardedProvider(MetadataProvider provider, ProviderConfig config, AnswerCache cache, DailyBudget budget, HostThrottle throttle,
                           Tuning tuning, MeterRegistry registry) {
        this.provider = provider;
        this.config = config;
        this.cache = cache;
        this.budget = budget;
        this.throttle = throttle;
        this.backoff = tuning.backoff();
        this.maxAttempts = tuning.maxAttempts();
        this.negativeTtl = tuning.negativeTtl();
        this.breaker = CircuitBreaker.of(provider.name(), CircuitBreakerConfig.custom()
                .slidingWindowSize(tuning.breakerWindow()).minimumNumberOfCalls(tuning.breakerWindow())
                .failureRateThreshold(50).slowCallRateThreshold(80).slowCallDurationThreshold(tuning.slowCall())
                .waitDurationInOpenState(tuning.openFor()).permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // Down, not "slow down": a 429 is waited out by the retries, not held against the provider.
                .recordException(e -> e instanceof ProviderException p && p.kind() == ProviderException.Kind.UNAVAILABLE).build());
        this.meters = new Meters(registry, provider.name(), budget, breaker);
    }

    public String name() {
        return provider.name();
    }

    public Set<TrackField> fields() {
        return provider.fields();
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    /** Tells each change of the breaker's state, e.g. "CLOSED -> OPEN". */
    public void onBreakerChange(java.util.function.Consumer<String> listener) {
        breaker.getEventPublisher().onStateTransition(e -> listener.accept(e.getStateTransition().getFromState() + " -> "
                + e.getStateTransition().getToState()));
    }

    public Outcome search(TrackQuery query) {
        return ask(searchQuestion(query), () -> provider.search(query));
    }

    /** Whether the answer to this search is cached, so asking again costs nothing. */
    public boolean remembers(TrackQuery query) {
        return cache.get(provider.name(), searchQuestion(query)).isPresent();
    }

    private static String searchQuestion(TrackQuery query) {
        return "search:" + TextFold.fold(query.artistText()) + "|" + TextFold.fold(query.title())
                + "|" + TextFold.fold(query.version() == null ? "" : query.version());
    }

    public boolean looksUpIsrc() {
        return provider.looksUpIsrc();
    }

    /** The provider's recordings with this ISRC. */
    public Outcome byIsrc(String isrc) {
        return ask("isrc:" + isrc, () -> provider.byIsrc(isrc));
    }

    /** The candidate with the fields only a second call gives, cached by the provider's id. */
    public Outcome complete(Candidate candidate) {
        if (!provider.completes() || candidate.id() == null) {
            return new Answered(List.of(candidate));
        }
        return ask("item:" + candidate.id(), () -> List.of(provider.complete(candidate)));
    }

    @FunctionalInterface
    private interface Call {
        List<Candidate> run() throws ProviderException;
    }

    private Outcome ask(String question, Call call) {
        Optional<List<Candidate>> cached = cache.get(provider.name(), question);
        meters.cache(cached.isPresent());
        if (cached.isPresent()) {
            return new Answered(cached.get());
        }
        for (int attempt = 1; ; attempt++) {
            if (!breaker.tryAcquirePermission()) {
                meters.call("skipped_breaker_open");
                return new Skipped("circuit breaker open", true);
            }
            if (!budget.tryConsume()) {
                breaker.releasePermission();
                meters.call("skipped_over_budget");
                return new Skipped("daily budget of " + budget.limit() + " calls spent", false);
            }
            long start = System.nanoTime();
            try {
                throttle.acquire(provider.name(), config.interval());
                start = System.nanoTime();
                List<Candidate> candidates = call.run();
                long took = System.nanoTime() - start;
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                meters.called(candidates.isEmpty() ? "not_found" : "ok", took, config.costPerCall());
                cache.put(provider.name(), question, candidates, candidates.isEmpty() ? negativeTtl : config.cacheTtl());
                return new Answered(candidates);
            } catch (ProviderException e) {
                long took = System.nanoTime() - start;
                breaker.onError(took, TimeUnit.NANOSECONDS, e);
                meters.called(e.kind().name().toLowerCase(java.util.Locale.ROOT), took, config.costPerCall());
                if (!e.retryable() || attempt >= maxAttempts) {
                    return new Failed(e);
                }
                if (!sleep(backoff.delay(attempt, e.retryAfter()))) {
                    return new Failed(e);
                }
            } catch (RuntimeException e) {
                // A client bug or an odd payload: counted against the provider, never a leaked breaker permission.
                long took = System.nanoTime() - start;
                breaker.onError(took, TimeUnit.NANOSECONDS, e);
                meters.called("bad_response", took, config.costPerCall());
                return new Failed(new ProviderException(ProviderException.Kind.BAD_RESPONSE, provider.name() + ": " + e, null, e));
            } catch (InterruptedException e) {
                breaker.releasePermission();
                Thread.currentThread().interrupt();
                return new Failed(new ProviderException(ProviderException.Kind.UNAVAILABLE, "interrupted", null, e));
            }
        }
    }

    private static boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The provider's metrics; gauges read the live budget and breaker. */
    private static final class Meters {
        private final MeterRegistry registry;
        private final String provider;
        private final Counter hits;
        private final Counter misses;
        private final Counter cost;
        private final Timer latency;

        Meters(MeterRegistry registry, String provider, DailyBudget budget, CircuitBreaker breaker) {
            this.registry = registry;
            this.provider = provider;
            this.hits = Counter.builder("songnodes_enrichment_cache_requests").tag("provider", provider).tag("result", "hit").register(registry);
            this.misses = Counter.builder("songnodes_enrichment_cache_requests").tag("provider", provider).tag("result", "miss").register(registry);
            this.cost = Counter.builder("songnodes_enrichment_estimated_cost").tag("provider", provider)
                    .description("calls made times the configured cost per call").register(registry);
            this.latency = Timer.builder("songnodes_enrichment_call").tag("provider", provider).publishPercentileHistogram()
                    .description("time of one call to the provider").register(registry);
            Gauge.builder("songnodes_enrichment_budget_remaining", budget, DailyBudget::remaining).tag("provider", provider).register(registry);
            Gauge.builder("songnodes_enrichment_budget_daily", budget, DailyBudget::limit).tag("provider", provider).register(registry);
            Gauge.builder("songnodes_enrichment_circuit_breaker_open", breaker, b -> b.getState() == CircuitBreaker.State.OPEN ? 1 : 0)
                    .tag("provider", provider).register(registry);
            // Every outcome from zero, so rates and alerts see the series before the first failure.
            for (String outcome : List.of("ok", "not_found", "unavailable", "rate_limited", "unauthorized", "bad_response",
                    "skipped_breaker_open", "skipped_over_budget")) {
                counter(outcome);
            }
        }

        private Counter counter(String outcome) {
            return Counter.builder("songnodes_enrichment_calls").tag("provider", provider).tag("outcome", outcome).register(registry);
        }

        void cache(boolean hit) {
            (hit ? hits : misses).increment();
        }

        void call(String outcome) {
            counter(outcome).increment();
        }

        void called(String outcome, long nanos, double costPerCall) {
            counter(outcome).increment();
            latency.record(nanos, TimeUnit.NANOSECONDS);
            cost.increment(costPerCall);
        }
    }
}
