package io.songnodes.platform.http;

import java.util.Optional;

/**
 * A request that cannot be answered, turned into a JSON error body
 * {@code {"error_code": ..., "message": ...}} (the Confluent registry's shape, which every
 * endpoint of the platform uses too).
 */
public class HttpError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int errorCode;
    private final Integer retryAfterSeconds;

    public HttpError(int status, int errorCode, String message) {
        this(status, errorCode, message, null);
    }

    private HttpError(int status, int errorCode, String message, Integer retryAfterSeconds) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public HttpError(int status, String message) {
        this(status, status, message);
    }

    public static HttpError badRequest(String parameter, String problem) {
        return new HttpError(400, "parameter '" + parameter + "': " + problem);
    }

    public static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    /** 503 with {@code Retry-After}: the answer exists, just not here and now (e.g. state moving between instances). */
    public static HttpError unavailable(String message, int retryAfterSeconds) {
        return new HttpError(503, 503, message, retryAfterSeconds);
    }

    /** Seconds a client should wait before retrying, when the error says so. */
    public Optional<Integer> retryAfterSeconds() {
        return Optional.ofNullable(retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }
}
