package io.songnodes.platform.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small JSON-over-HTTP server on the JDK's built-in server: routes by method and path template
 * ({@code /subjects/{subject}/versions}), JSON errors, bounded worker threads. Shared by the
 * platform's HTTP server and the embedded schema registry so both answer errors the same way.
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the body then
        // waits for the client's delayed ACK, about 40 ms per response. Read once, when the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Answers a request; throws {@link HttpError} for anything but success. */
    @FunctionalInterface
    public interface Handler {
        HttpResponse handle(HttpRequest request) throws Exception;
    }

    private record Route(String method, String[] segments, Handler handler, boolean admin) {
        Optional<Map<String, String>> match(String[] path) {
            if (path.length != segments.length) {
                return Optional.empty();
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < segments.length; i++) {
                String segment = segments[i];
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    params.put(segment.substring(1, segment.length() - 1), HttpRequest.decodePathSegment(path[i]));
                } else if (!segment.equals(path[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(params);
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService workers;
    private final AdminToken adminToken;
    private final List<Route> routes = new CopyOnWriteArrayList<>();

    private HttpApi(String name, HttpServer server, ExecutorService workers, AdminToken adminToken) {
        this.name = name;
        this.server = server;
        this.workers = workers;
        this.adminToken = adminToken;
    }

    /** Binds (port 0 picks a free port) and starts serving; add routes before or after. */
    public static HttpApi start(String name, String host, int port, int threads, AdminToken adminToken) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + " for " + name + ": " + e.getMessage(), e);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-http-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpApi api = new HttpApi(name, server, workers, adminToken);
        server.createContext("/", api::serve);
        server.setExecutor(workers);
        server.start();
        return api;
    }

    public HttpApi route(String method, String pathTemplate, Handler handler) {
        routes.add(new Route(method, split(pathTemplate), handler, false));
        return this;
    }

    /** A mutating admin route: answered only with the admin bearer token. */
    public HttpApi adminRoute(String method, String pathTemplate, Handler handler) {
        routes.add(new Route(method, split(pathTemplate), handler, true));
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        String host = server.getAddress().getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    private void serve(HttpExchange exchange) {
        HttpResponse response;
        try {
            response = dispatch(exchange);
        } catch (HttpError e) {
            HttpResponse error = errorResponse(e.status(), e.errorCode(), e.getMessage());
            response = e.retryAfterSeconds().map(s -> error.withHeader("Retry-After", String.valueOf(s))).orElse(error);
        } catch (Exception e) {
            log.error("{} failed on {} {}", name, exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            response = errorResponse(500, 50001, "internal error: " + e.getClass().getSimpleName());
        }
        write(exchange, response);
    }

    private HttpResponse dispatch(HttpExchange exchange) throws Exception {
        String[] path = split(exchange.getRequestURI().getRawPath());
        List<String> allowed = new ArrayList<>();
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.match(path);
            if (params.isEmpty()) {
                continue;
            }
            if (!route.method().equals(exchange.getRequestMethod())) {
                allowed.add(route.method());
                continue;
            }
            HttpRequest request = new HttpRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    params.get(), HttpRequest.parseQuery(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders(), readBody(exchange));
            if (route.admin()) {
                adminToken.check(request);
            }
            return route.handler().handle(request);
        }
        if (!allowed.isEmpty()) {
            throw new HttpError(405, "method " + exchange.getRequestMethod() + " not allowed; use " + String.join(", ", allowed));
        }
        throw HttpError.notFound("no such endpoint: " + exchange.getRequestURI().getPath());
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new HttpError(413, "request body over " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
    }

    private static HttpResponse errorResponse(int status, int errorCode, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", errorCode);
        body.put("message", message);
        return HttpResponse.json(status, body);
    }

    private void write(HttpExchange exchange, HttpResponse response) {
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            response.headers().forEach(exchange.getResponseHeaders()::set);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.status(), head || response.body().length == 0 ? -1 : response.body().length);
            if (!head) {
                out.write(response.body());
            }
        } catch (IOException e) {
            log.debug("{}: client went away before the response was written: {}", name, e.getMessage());
        }
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
