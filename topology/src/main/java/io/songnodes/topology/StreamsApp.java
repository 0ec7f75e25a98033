package io.songnodes.topology;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.songnodes.platform.health.Health;
import io.songnodes.platform.metrics.PlatformMetrics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running topology: its {@link KafkaStreams} with metrics bound and readiness reported. Local
 * state is kept across restarts (no {@code cleanUp()} on start; resetting is an explicit command),
 * and an exception that escapes every handler stops this client loudly instead of looping.
 */
public final class StreamsApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final KafkaStreams streams;
    private final Health health;

    private StreamsApp(String name, KafkaStreams streams, Health health) {
        this.name = name;
        this.streams = streams;
        this.health = health;
    }

    public static StreamsApp start(String name, Topology topology, Properties settings, PlatformMetrics metrics, Health health) {
        KafkaStreams streams = new KafkaStreams(topology, settings);
        streams.setUncaughtExceptionHandler(e -> {
            log.error("Topology {} stopped by an unhandled exception", name, e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        metrics.bind(new KafkaStreamsMetrics(streams));
        StreamsApp app = new StreamsApp(name, streams, health);
        health.register("streams:" + name, app::status);
        streams.start();
        return app;
    }

    private Health.Status status() {
        KafkaStreams.State state = streams.state();
        // Ready only while RUNNING: a rebalancing or stopped application processes nothing.
        boolean up = state == KafkaStreams.State.RUNNING;
        return new Health.Status(up, state.name());
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        health.unregister("streams:" + name);
        // A planned stop leaves the group, so the next instance takes over at once instead of after the session timeout.
        if (!streams.close(CloseOptions.timeout(CLOSE_TIMEOUT).withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP))) {
            log.warn("Topology {} did not close within {}", name, CLOSE_TIMEOUT);
        }
    }
}
