package io.songnodes.enrich.providers;

import java.time.Duration;
import java.util.Optional;

/** A provider that could not answer, and whether asking again later may help. */
public final class ProviderException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** 5xx, timeout, connection refused: retry later, counts against the circuit breaker. */
        UNAVAILABLE,
        /** 429: retry after the time the provider asked for. */
        RATE_LIMITED,
        /** 401/403: a missing or wrong credential; retrying will not help. */
        UNAUTHORIZED,
        /** Another 4xx or an unreadable body: our request or their format is wrong; retrying will not help. */
        BAD_RESPONSE
    }

    private final Kind kind;
    private final transient Duration retryAfter;

    public ProviderException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public ProviderException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The wait the provider asked for ({@code Retry-After}), if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean retryable() {
        return kind == Kind.UNAVAILABLE || kind == Kind.RATE_LIMITED;
    }
}
