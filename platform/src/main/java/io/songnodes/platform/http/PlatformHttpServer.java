package io.songnodes.platform.http;

import io.songnodes.platform.health.Health;
import io.songnodes.platform.metrics.PlatformMetrics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform's HTTP server (127.0.0.1:8080 unless configured): liveness, readiness, Prometheus
 * metrics, and whatever routes later capabilities add through {@link #api()}.
 */
public final class PlatformHttpServer implements AutoCloseable {

    private final HttpApi api;

    private PlatformHttpServer(HttpApi api) {
        this.api = api;
    }

    public static PlatformHttpServer start(String host, int port, Health health, PlatformMetrics metrics, AdminToken adminToken) {
        HttpApi api = HttpApi.start("platform", host, port, 4, adminToken);
        api.route("GET", "/health/live", r -> HttpResponse.ok(Map.of("status", "UP")))
                .route("GET", "/health/ready", r -> readiness(health))
                .route("GET", "/metrics", r -> HttpResponse.text(200, PlatformMetrics.CONTENT_TYPE, metrics.scrape()));
        return new PlatformHttpServer(api);
    }

    private static HttpResponse readiness(Health health) {
        Health.Report report = health.readiness();
        Map<String, Object> components = new LinkedHashMap<>();
        report.components().forEach((name, status) ->
                components.put(name, Map.of("status", status.up() ? "UP" : "DOWN", "detail", status.detail())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.ready() ? "UP" : "DOWN");
        body.put("components", components);
        return HttpResponse.json(report.ready() ? 200 : 503, body);
    }

    public HttpApi api() {
        return api;
    }

    public String baseUrl() {
        return api.baseUrl();
    }

    @Override
    public void close() {
        api.close();
    }
}
