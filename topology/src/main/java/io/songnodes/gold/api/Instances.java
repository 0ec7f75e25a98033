package io.songnodes.gold.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.songnodes.platform.http.HttpError;
import io.songnodes.platform.http.UrlEncoding;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The instances of the Gold application and which one holds a key, from the Streams metadata each
 * instance shares through {@code application.server}; and the calls to another instance's API.
 * A request another instance forwarded is never forwarded again: if ownership moved meanwhile the
 * answer is 503 with Retry-After, not a loop.
 */
final class Instances {

    static final String FORWARDED_BY = "X-SongNodes-Forwarded-By";
    private static final int RETRY_AFTER_SECONDS = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient http;
    private final Duration timeout;

    Instances(KafkaStreams streams, HostInfo self, Duration timeout) {
        this.streams = streams;
        this.self = self;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HostInfo self() {
        return self;
    }

    /** The instance whose active task holds the key in the store; this one included. */
    HostInfo owner(String store, String key) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        } catch (StreamsNotStartedException e) {
            throw unavailable("Gold is not started yet");
        } catch (IllegalStateException e) {
            throw unavailable("Gold is not running here (" + streams.state() + ")");
        }
        // During a rebalance the owner can be known by partition only: host "unavailable", port -1.
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE) || metadata.activeHost().port() < 0) {
            throw unavailable("Gold is rebalancing (" + streams.state() + "); the owner of " + store + " key " + key + " is not known yet");
        }
        return metadata.activeHost();
    }

    /** Every instance with an active part of the store (standbys and warm-ups would answer 503). */
    List<HostInfo> holders(String store) {
        try {
            return streams.streamsMetadataForStore(store).stream().filter(m -> m.stateStoreNames().contains(store))
                    .map(StreamsMetadata::hostInfo).distinct().toList();
        } catch (StreamsNotStartedException e) {
            throw unavailable("Gold is not started yet");
        } catch (IllegalStateException e) {
            throw unavailable("Gold is not running here (" + streams.state() + ")");
        }
    }

    static HttpError unavailable(String why) {
        return HttpError.unavailable(why + "; retry shortly", RETRY_AFTER_SECONDS);
    }

    /** A GET on another instance: its status and raw JSON body. */
    Reply get(HostInfo instance, String path, Map<String, String> query) {
        String q = query.entrySet().stream().map(e -> UrlEncoding.encode(e.getKey()) + "=" + UrlEncoding.encode(e.getValue())).collect(Collectors.joining("&"));
        String host = instance.host().contains(":") ? "[" + instance.host() + "]" : instance.host();
        URI uri = URI.create("http://" + host + ":" + instance.port() + path + (q.isEmpty() ? "" : "?" + q));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header(FORWARDED_BY, self.host() + ":" + self.port()).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
        } catch (IOException e) {
            throw unavailable("instance " + instance.host() + ":" + instance.port() + " holding the answer is unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while asking " + instance.host() + ":" + instance.port());
        }
    }

    /** A reply of another instance: passed through as it is, or read as JSON when this instance composes an answer. */
    record Reply(int status, byte[] body, Optional<String> retryAfter) {
        /** The reply as this instance's answer, Retry-After included. */
        io.songnodes.platform.http.HttpResponse passThrough() {
            io.songnodes.platform.http.HttpResponse response = new io.songnodes.platform.http.HttpResponse(status, "application/json", body);
            return retryAfter.map(seconds -> response.withHeader("Retry-After", seconds)).orElse(response);
        }

        Optional<Map<String, Object>> json() {
            if (status == 404) {
                return Optional.empty();
            }
            if (status != 200) {
                throw new HttpError(status == 503 ? 503 : 502, "another instance answered " + status + ": " + new String(body, StandardCharsets.UTF_8));
            }
            try {
                return Optional.of(JSON.readValue(body, new TypeReference<Map<String, Object>>() { }));
            } catch (IOException e) {
                throw new HttpError(502, "another instance answered with unreadable JSON: " + e.getMessage());
            }
        }
    }
}
