package io.songnodes.scrape.simulator;

import io.songnodes.platform.http.HttpApi;
import io.songnodes.platform.http.HttpRequest;
import io.songnodes.platform.http.HttpResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the music-metadata services, answering for a {@link Catalog}'s tracks in
 * each service's real response shapes: MusicBrainz WS/2 under {@code /musicbrainz} and Deezer under
 * {@code /deezer}, so a provider client whose base URL is {@link #baseUrl(Api)} runs unchanged.
 * Everything a service says about a track is derived from the track and the catalogue's seed.
 *
 * <p>To show how the enrichment copes, it can be slowed ({@link #latency}), made to fail now and
 * then ({@link #failureRate}), taken down ({@link #failing}) or made to throttle
 * ({@link #rateLimited}), one service at a time; it counts what each service was asked
 * ({@link #requests(Api)}).
 */
public final class ProviderSimulator implements AutoCloseable {

    public enum Api {
        MUSICBRAINZ, DEEZER;

        /** Where the service lives on the simulator: {@code /musicbrainz}. */
        String prefix() {
            return "/" + name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a service is told to do wrong. */
    private static final class Faults {
        private volatile boolean failing;
        private volatile int retryAfterSeconds;
        private final AtomicInteger throttledLeft = new AtomicInteger();

        /** Whether this request is one of those to throttle, counting it off. */
        boolean throttleNext() {
            return throttledLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }
    }

    private static final Duration DEFAULT_LATENCY = Duration.ofMillis(30);

    private final SimulatorServer server;
    private final Map<Api, Faults> faults = new EnumMap<>(Api.class);
    private final Random chance;
    private volatile Duration latency = DEFAULT_LATENCY;
    private volatile double failureRate;

    private ProviderSimulator(SimulatorServer server, Random chance) {
        this.server = server;
        this.chance = chance;
        for (Api api : Api.values()) {
            faults.put(api, new Faults());
        }
    }

    /** Serves both services on 127.0.0.1 at a free port, answering after 30 ms and never failing until told to. */
    public static ProviderSimulator start(Catalog catalog) {
        ProviderWorld world = ProviderWorld.of(catalog);
        // Enough threads that the latency, not the pool, limits a client sending requests in parallel.
        // Random failures are seeded too, so a client asking one request at a time meets the same ones on every run.
        ProviderSimulator simulator = new ProviderSimulator(SimulatorServer.start("simulator-providers", 16), new Random(catalog.seed()));
        simulator.serve(Api.MUSICBRAINZ, new MusicBrainzApi(world, Clock.systemUTC()));
        simulator.serve(Api.DEEZER, new DeezerApi(world));
        return simulator;
    }

    private void serve(Api api, ProviderApi service) {
        service.routes().forEach((template, handler) ->
                server.route("GET", api.prefix() + template, request -> answer(api, service, handler, request)));
    }

    private HttpResponse answer(Api api, ProviderApi service, HttpApi.Handler handler, HttpRequest request) throws Exception {
        Thread.sleep(latency.toMillis());
        Faults fault = faults.get(api);
        if (fault.failing) {
            return service.unavailable();
        }
        if (fault.throttleNext()) {
            return service.throttled().withHeader("Retry-After", String.valueOf(fault.retryAfterSeconds));
        }
        if (failureRate > 0 && chance.nextDouble() < failureRate) {
            return service.unavailable();
        }
        return handler.handle(request);
    }

    /** The service's base URL, {@code http://127.0.0.1:PORT/musicbrainz}; its paths follow it ({@code <base>/ws/2/recording}). */
    public URI baseUrl(Api api) {
        return URI.create(server.baseUrl() + api.prefix());
    }

    /** How long every request waits before it is answered. */
    public ProviderSimulator latency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        this.latency = latency;
        return this;
    }

    /** The share of requests, to either service, answered 503 at random (0 = none, the default). */
    public ProviderSimulator failureRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("failure rate must be within [0, 1]: " + rate);
        }
        this.failureRate = rate;
        return this;
    }

    /** Takes the service down (every request 503) or brings it back. */
    public ProviderSimulator failing(Api api, boolean failing) {
        faults.get(api).failing = failing;
        return this;
    }

    /** Answers the service's next {@code requests} requests 429 with {@code Retry-After: retryAfterSeconds}. */
    public ProviderSimulator rateLimited(Api api, int requests, int retryAfterSeconds) {
        if (requests < 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("requests and Retry-After must not be negative");
        }
        Faults fault = faults.get(api);
        fault.retryAfterSeconds = retryAfterSeconds;
        fault.throttledLeft.set(requests);
        return this;
    }

    /** Requests the service answered, whatever the answer (requests to paths it does not serve are not counted). */
    public int requests(Api api) {
        return (int) server.hits().stream().filter(h -> h.path().startsWith(api.prefix() + "/")).count();
    }

    /** Requests to one path of the service, relative to its base URL: {@code requests(DEEZER, "/track/3135556")}. */
    public int requests(Api api, String path) {
        return (int) server.hits().stream().filter(h -> h.path().equals(api.prefix() + path)).count();
    }

    /** Every request answered so far, both services, in order. */
    public List<Hit> hits() {
        return server.hits();
    }

    @Override
    public void close() {
        server.close();
    }
}
