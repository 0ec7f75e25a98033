package io.songnodes.platform.outbound;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long to wait before retry number {@code attempt} (1-based): the server's {@code Retry-After}
 * when it sends one (capped), else exponential from {@code base} with "equal jitter" (half fixed,
 * half random) so that many clients do not retry in step.
 */
public record Backoff(Duration base, Duration max, RandomGenerator random) {

    public Duration delay(int attempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return retryAfter.get().compareTo(max) > 0 ? max : retryAfter.get();
        }
        long exponential = base.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(max.toMillis(), exponential);
        long half = capped / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }

    /** Retry-After as seconds (dates are rare from these sites and treated as absent). */
    public static Optional<Duration> retryAfter(Optional<String> header) {
        try {
            return header.map(String::strip).map(Long::parseLong).filter(s -> s >= 0).map(Duration::ofSeconds);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
