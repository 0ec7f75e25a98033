package io.songnodes.app;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a long-running command up until Ctrl-C (or SIGTERM), or until an optional duration ends,
 * and lets the command finish closing before the JVM exits.
 */
final class RunUntil implements AutoCloseable {

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;

    RunUntil() {
        hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "songnodes-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** @return true when the duration ran out, false when the process was asked to stop */
    boolean await(Optional<Duration> duration) throws InterruptedException {
        if (duration.isEmpty()) {
            stop.await();
            return false;
        }
        return !stop.await(duration.get().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits up to {@code step}; false once the process has been asked to stop. */
    boolean pause(Duration step) throws InterruptedException {
        return !stop.await(step.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running and has just been released.
        }
    }
}
