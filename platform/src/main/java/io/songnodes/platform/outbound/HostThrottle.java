package io.songnodes.platform.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one request per interval to each host, strictly: the next request starts no sooner than
 * the interval after the previous one started. (A cycle-based limiter lets two requests through
 * back to back across a cycle boundary, which a polite crawler must not do.)
 */
public final class HostThrottle {

    /** Pauses the calling thread; a seam so tests need not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Instant> lastStart = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public HostThrottle(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public static HostThrottle realTime() {
        return new HostThrottle(Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    /** Waits until a request to {@code origin} may start, and records that it starts now. */
    public void acquire(String origin, Duration interval) throws InterruptedException {
        synchronized (locks.computeIfAbsent(origin, k -> new Object())) {
            Instant previous = lastStart.get(origin);
            if (previous != null) {
                Duration wait = Duration.between(clock.instant(), previous.plus(interval));
                if (!wait.isNegative() && !wait.isZero()) {
                    sleeper.sleep(wait);
                }
            }
            lastStart.put(origin, clock.instant());
        }
    }
}
