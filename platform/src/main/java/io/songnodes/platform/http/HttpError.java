package io.songnodes.platform.http;

/**
 * A request that cannot be answered, turned into a JSON error body
 * {@code {"error_code": ..., "message": ...}} (the Confluent registry's shape, which every
 * endpoint of the platform uses too).
 */
public class HttpError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int errorCode;

    public HttpError(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
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

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }
}
