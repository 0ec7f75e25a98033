package io.songnodes.scrape.simulator;

import io.songnodes.platform.http.HttpApi;
import io.songnodes.platform.http.HttpRequest;
import io.songnodes.platform.http.HttpResponse;
import java.util.Map;

/** One simulated metadata service: its routes below its path prefix, and how it words an outage and a throttle. */
interface ProviderApi {

    /** Handlers by path template relative to the service's prefix ({@code /track/{id}}). */
    Map<String, HttpApi.Handler> routes();

    /** The 503 the service answers when it is down. */
    HttpResponse unavailable();

    /** The 429 the service answers when throttling (the simulator adds {@code Retry-After}). */
    HttpResponse throttled();

    /** A paging parameter; absent or unreadable gives the service's default, as the real services do. */
    static int intParam(HttpRequest request, String name, int fallback, int max) {
        try {
            return Math.max(0, Math.min(max, request.queryParam(name).map(Integer::parseInt).orElse(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
