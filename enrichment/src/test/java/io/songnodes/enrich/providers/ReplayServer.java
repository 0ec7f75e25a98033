package io.songnodes.enrich.providers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A provider API on loopback: canned answers per path, played in order (the last one repeats),
 * and every request recorded so a test can check what was sent. Paths without an answer get 404.
 */
public final class ReplayServer implements AutoCloseable {

    static final String USER_AGENT = "SongNodes-test/0.1 (+https://songnodes.example/contact)";
    /** One client for every test, as the application shares one between its providers. */
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** One canned answer. */
    public record Reply(int status, String body, Map<String, String> headers, Duration delay) {

        /** 200 with a payload from {@code src/test/resources/providers/}, e.g. {@code deezer/search.json}. */
        public static Reply json(String resource) {
            return status(200, payload(resource));
        }

        public static Reply status(int status, String body) {
            return new Reply(status, body, Map.of("Content-Type", "application/json; charset=utf-8"), Duration.ZERO);
        }

        Reply header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, more, delay);
        }

        Reply after(Duration wait) {
            return new Reply(status, body, headers, wait);
        }
    }

    /** One request as it arrived. */
    record Request(String method, String path, String rawQuery, Map<String, String> params, Map<String, String> headers, String body) {

        String param(String name) {
            return params.get(name);
        }

        /** A header's first value, by case-insensitive name. */
        String header(String name) {
            return headers.get(name);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private ReplayServer(HttpServer server) {
        this.server = server;
    }

    public static ReplayServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ReplayServer replay = new ReplayServer(server);
            server.createContext("/", replay::handle);
            server.start();
            return replay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers for a path, one per request in this order, the last one repeated. */
    public ReplayServer on(String path, Reply... answers) {
        replies.put(path, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Settings pointing base and auth URL here, with a short timeout. */
    public ProviderSettings settings(String name, Map<String, String> credentials) {
        return new ProviderSettings(name, baseUrl(), Optional.of(baseUrl()), USER_AGENT, Duration.ofSeconds(2), credentials);
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The one request made to a path; fails when there were none or several. */
    Request only(String path) {
        List<Request> made = requests(path);
        if (made.size() != 1) {
            throw new AssertionError("expected one request to " + path + ", got " + made.size() + ": " + requests);
        }
        return made.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String payload(String resource) {
        try (InputStream in = ReplayServer.class.getResourceAsStream("/providers/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test payload providers/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), params(uri.getRawQuery()), headers, body));

            Reply reply = next(uri.getPath());
            sleep(reply.delay());
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private Reply next(String path) {
        Deque<Reply> queue = replies.get(path);
        if (queue == null) {
            return Reply.status(404, "{\"error\":\"no canned answer for " + path + "\"}");
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.removeFirst() : queue.getFirst();
        }
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static void sleep(Duration delay) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
