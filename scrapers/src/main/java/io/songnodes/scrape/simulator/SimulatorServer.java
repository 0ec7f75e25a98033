package io.songnodes.scrape.simulator;

import io.songnodes.platform.http.AdminToken;
import io.songnodes.platform.http.HttpApi;
import io.songnodes.platform.http.HttpError;
import io.songnodes.platform.http.HttpResponse;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The HTTP side every simulator shares: a server on loopback at a free port, and a log of every
 * request it answered (errors included), so tests measure what a client really did.
 */
final class SimulatorServer implements AutoCloseable {

    private final HttpApi api;
    private final Clock clock;
    private final List<Hit> hits = new CopyOnWriteArrayList<>();

    private SimulatorServer(HttpApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    static SimulatorServer start(String name, int threads) {
        return new SimulatorServer(HttpApi.start(name, "127.0.0.1", 0, threads, AdminToken.none()), Clock.systemUTC());
    }

    /** Serves {@code pathTemplate} and logs each answer, whether the handler returns or throws an {@link HttpError}. */
    void route(String method, String pathTemplate, HttpApi.Handler handler) {
        api.route(method, pathTemplate, request -> {
            try {
                HttpResponse response = handler.handle(request);
                hits.add(new Hit(clock.instant(), request.path(), response.status()));
                return response;
            } catch (HttpError e) {
                hits.add(new Hit(clock.instant(), request.path(), e.status()));
                throw e;
            }
        });
    }

    URI baseUrl() {
        return URI.create(api.baseUrl());
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    @Override
    public void close() {
        api.close();
    }
}
