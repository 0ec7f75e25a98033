package io.songnodes.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A status, a content type, a body and any extra headers (e.g. {@code Retry-After}, {@code ETag}). */
public record HttpResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    public HttpResponse {
        headers = Map.copyOf(headers);
    }

    public HttpResponse(int status, String contentType, byte[] body) {
        this(status, contentType, body, Map.of());
    }

    /** The same response with one more header. */
    public HttpResponse withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpResponse(status, contentType, body, more);
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";

    public static HttpResponse json(int status, Object value) {
        return json(status, value, JSON_TYPE);
    }

    /** JSON under another media type, e.g. the registry's {@code application/vnd.schemaregistry.v1+json}. */
    public static HttpResponse json(int status, Object value, String contentType) {
        try {
            return new HttpResponse(status, contentType, JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response is not serialisable as JSON: " + e.getMessage(), e);
        }
    }

    public static HttpResponse ok(Object value) {
        return json(200, value);
    }

    public static HttpResponse text(int status, String contentType, String body) {
        return new HttpResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
