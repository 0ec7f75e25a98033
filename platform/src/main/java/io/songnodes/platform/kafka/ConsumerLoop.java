package io.songnodes.platform.kafka;

import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer polled on a thread of its own until closed: the consumer is used only by that thread
 * (Kafka consumers are not thread-safe) and closed by it on the way out. A handler that throws
 * stops the loop and is kept as {@link #failure()}, so a caller's readiness check can report it.
 */
public final class ConsumerLoop<K, V> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);

    /** Handles one poll's records, on the loop's thread. */
    @FunctionalInterface
    public interface Handler<K, V> {
        void handle(ConsumerRecords<K, V> records) throws Exception;
    }

    private final KafkaConsumer<K, V> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    private ConsumerLoop(String name, KafkaConsumer<K, V> consumer, Duration pollTimeout, Handler<K, V> handler) {
        this.consumer = consumer;
        this.thread = new Thread(() -> run(pollTimeout, handler), name);
        this.thread.setDaemon(true);
    }

    public static <K, V> ConsumerLoop<K, V> start(String name, KafkaConsumer<K, V> consumer, Duration pollTimeout, Handler<K, V> handler) {
        ConsumerLoop<K, V> loop = new ConsumerLoop<>(name, consumer, pollTimeout, handler);
        loop.thread.start();
        return loop;
    }

    private void run(Duration pollTimeout, Handler<K, V> handler) {
        try {
            while (running) {
                handler.handle(consumer.poll(pollTimeout));
            }
        } catch (WakeupException | InterruptException e) {
            stopped(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped(e);
        } catch (Exception e) {
            failure = e;
            log.error("{} stopped", thread.getName(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** A wake-up or interrupt is a failure only when nobody asked the loop to stop. */
    private void stopped(Exception e) {
        if (running) {
            failure = e;
            log.error("{} stopped unexpectedly", thread.getName(), e);
        }
    }

    public boolean isHealthy() {
        return thread.isAlive() && failure == null;
    }

    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Stops polling (a handler still at work finishes first, up to 30 s) and closes the consumer. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(30_000);
            if (thread.isAlive()) {
                thread.interrupt(); // stuck in a long wait: interrupt rather than hang the shutdown
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
