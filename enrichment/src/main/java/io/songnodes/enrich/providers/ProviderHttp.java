package io.songnodes.enrich.providers;

import io.songnodes.platform.http.UrlEncoding;
import io.songnodes.platform.outbound.Backoff;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.songnodes.enrich.providers.ProviderException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The HTTP and JSON every provider shares. Requests carry the User-Agent and timeout of the
 * provider's settings; every answer ends as a JSON body, as "nothing found", or as a
 * {@link ProviderException} of the kind the waterfall acts on. Exception messages name the
 * provider, status and path only: query strings and headers can carry credentials (Last.fm's
 * {@code api_key}, Discogs' and Spotify's tokens).
 */
final class ProviderHttp {

    /** How an API reports "nothing found" or an error of its own inside a JSON body. */
    @FunctionalInterface
    interface Errors {

        /** For APIs whose HTTP statuses alone say what happened. */
        Errors NONE = body -> false;

        /**
         * Reads a 2xx or 4xx answer before its status is mapped (a {@link MissingNode} when the body
         * is not JSON), because some APIs report errors with any status, 200 included.
         *
         * @return true when the body means "nothing found"
         * @throws ProviderException when the body reports another error of the API's own
         */
        boolean nothingFound(JsonNode body) throws ProviderException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderSettings settings;
    private final HttpClient client;
    private final Errors errors;
    private final Clock clock;

    ProviderHttp(ProviderSettings settings, HttpClient client, Errors errors, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.errors = errors;
        this.clock = clock;
    }

    ProviderHttp(ProviderSettings settings, HttpClient client, Errors errors) {
        this(settings, client, errors, Clock.systemUTC());
    }

    /** {@code path} under the provider's base URL, with the query parameters given as name, value pairs. */
    URI uri(String path, String... params) {
        return uri(settings.baseUrl(), path, params);
    }

    static URI uri(URI base, String path, String... params) {
        if (params.length % 2 != 0) {
            throw new IllegalArgumentException("query parameters come in name, value pairs");
        }
        StringBuilder url = new StringBuilder(base.toString().replaceAll("/+$", "")).append(path);
        for (int i = 0; i < params.length; i += 2) {
            url.append(i == 0 ? '?' : '&').append(UrlEncoding.encode(params[i])).append('=').append(UrlEncoding.encode(params[i + 1]));
        }
        return URI.create(url.toString());
    }

    /**
     * Percent-encodes a query value or path segment. Spaces become {@code %20}, not {@code +}: every
     * server reads {@code %20} as a space, while a {@code +} is taken literally by some.
     */

    /** A GET whose 404 is an error (search endpoints answer "nothing" with an empty list). */
    Optional<JsonNode> get(URI uri, String... headers) throws ProviderException {
        return read(send(request(uri, headers).GET().build()));
    }

    /** A GET of one thing by its id, where the API answers 404 when there is no such thing. */
    Optional<JsonNode> lookup(URI uri, String... headers) throws ProviderException {
        return read(send(request(uri, headers).GET().build()), true);
    }

    /** A form POST (Spotify's client-credentials token request). */
    Optional<JsonNode> postForm(URI uri, String form, String... headers) throws ProviderException {
        HttpRequest request = request(uri, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return read(send(request));
    }

    /** A request with the provider's User-Agent and timeout, and the extra headers as name, value pairs. */
    HttpRequest.Builder request(URI uri, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "application/json");
        return headers.length == 0 ? builder : builder.headers(headers);
    }

    /** Sends a request; only failures to get any answer are mapped here (to UNAVAILABLE). */
    HttpResponse<String> send(HttpRequest request) throws ProviderException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) { // HttpTimeoutException and ConnectException included
            throw new ProviderException(Kind.UNAVAILABLE, where(request) + " failed: " + e.getClass().getSimpleName(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.UNAVAILABLE, where(request) + " interrupted", null, e);
        }
    }

    /** Maps an answer whose 404 is an error. */
    Optional<JsonNode> read(HttpResponse<String> response) throws ProviderException {
        return read(response, false);
    }

    private Optional<JsonNode> read(HttpResponse<String> response, boolean notFoundIsNone) throws ProviderException {
        int status = response.statusCode();
        String what = where(response.request()) + " answered HTTP " + status;
        if (status == 429) {
            throw new ProviderException(Kind.RATE_LIMITED, what, Backoff.retryAfter(response.headers().firstValue("Retry-After"), clock.instant()).orElse(null), null);
        }
        if (status >= 500) {
            throw new ProviderException(Kind.UNAVAILABLE, what);
        }
        JsonNode body = parse(response.body());
        if (errors.nothingFound(body) || (status == 404 && notFoundIsNone)) {
            return Optional.empty();
        }
        if (status == 401 || status == 403) {
            throw new ProviderException(Kind.UNAUTHORIZED, what);
        }
        if (status < 200 || status > 299) {
            throw new ProviderException(Kind.BAD_RESPONSE, what);
        }
        if (body.isMissingNode()) {
            throw new ProviderException(Kind.BAD_RESPONSE, what + " with a body that is not a JSON object or array");
        }
        return Optional.of(body);
    }

    private String where(HttpRequest request) {
        return settings.name() + " " + request.method() + " " + request.uri().getRawPath();
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isContainerNode() ? node : MissingNode.getInstance();
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /** The text of a field, null when it is absent, JSON null or blank. */
    static String text(JsonNode node, String field) {
        return text(node.path(field));
    }

    /** The text of a value node, null when it is missing, JSON null, a container or blank. */
    static String text(JsonNode node) {
        if (!node.isValueNode() || node.isNull()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * Every element of the array at a JSON Pointer ({@code /tracks/items}) mapped in order; none when
     * there is no body ("nothing found") or no such array.
     */
    static <T> List<T> each(Optional<JsonNode> body, String pointer, Function<JsonNode, T> mapper) {
        List<T> mapped = new ArrayList<>();
        body.map(b -> b.at(pointer)).filter(JsonNode::isArray).ifPresent(array -> array.forEach(e -> mapped.add(mapper.apply(e))));
        return mapped;
    }

    /** The non-blank texts of {@code field} in each element of an array, in order. */
    static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : array) {
            String text = text(element, field);
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    /** A phrase for search syntaxes that have no escape for a double quote (Deezer, Spotify): inner quotes dropped. */
    static String quoted(String phrase) {
        return '"' + phrase.replace("\"", " ").strip() + '"';
    }
}
