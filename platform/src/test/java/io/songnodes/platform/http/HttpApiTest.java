package io.songnodes.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpApiTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpApi api;

    @BeforeEach
    void start() {
        api = HttpApi.start("test", "127.0.0.1", 0, 2, AdminToken.of(Optional.of("t0ken")));
        api.route("GET", "/tracks/{key}", r -> HttpResponse.ok(Map.of("key", r.pathParam("key"), "limit", r.queryParam("limit").orElse("none"))))
                .route("GET", "/fail", r -> {
                    throw new IllegalStateException("boom");
                })
                .adminRoute("POST", "/admin/reset", r -> HttpResponse.ok(Map.of("reset", true)));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private java.net.http.HttpResponse<String> call(String method, String path, String token) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).method(method, BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }

    @Test
    void bindsToLoopbackAndRoutesByTemplate() throws Exception {
        assertThat(api.baseUrl()).startsWith("http://127.0.0.1:");
        var response = call("GET", "/tracks/a%20b?limit=5", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"key\":\"a b\"", "\"limit\":\"5\"");
    }

    @Test
    void answersErrorsAsJson() throws Exception {
        assertThat(call("GET", "/nowhere", null)).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("\"error_code\":404");
        });
        assertThat(call("DELETE", "/tracks/x", null).statusCode()).isEqualTo(405);
        assertThat(call("GET", "/fail", null)).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).contains("IllegalStateException").doesNotContain("boom").doesNotContain("at io.");
        });
    }

    @Test
    void adminRoutesRequireTheToken() throws Exception {
        assertThat(call("POST", "/admin/reset", null).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/admin/reset", "wrong").statusCode()).isEqualTo(401);
        assertThat(call("POST", "/admin/reset", "t0ken").statusCode()).isEqualTo(200);
    }

    @Test
    void adminRoutesAreClosedWhenNoTokenIsConfigured() throws Exception {
        try (HttpApi open = HttpApi.start("no-token", "127.0.0.1", 0, 1, AdminToken.none())) {
            open.adminRoute("POST", "/admin/reset", r -> HttpResponse.ok(Map.of()));
            var response = client.send(java.net.http.HttpRequest.newBuilder(URI.create(open.baseUrl() + "/admin/reset"))
                    .header("Authorization", "Bearer anything").POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("SONGNODES_ADMIN_TOKEN");
        }
    }
}
