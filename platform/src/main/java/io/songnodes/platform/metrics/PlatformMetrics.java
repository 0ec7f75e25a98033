package io.songnodes.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The process's Prometheus registry: JVM and process metrics, plus the Kafka clients and Streams
 * applications bound to it. Metric names follow Prometheus conventions ({@code songnodes_} prefix
 * for the platform's own, base units, {@code _total} counters).
 */
public final class PlatformMetrics implements AutoCloseable {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> bound = new ArrayList<>();

    public PlatformMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        bind(new JvmGcMetrics());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Binds a meter source; closeable ones (Kafka client binders) are closed with the registry. */
    public synchronized <B extends MeterBinder> B bind(B binder) {
        binder.bindTo(registry);
        if (binder instanceof AutoCloseable closeable) {
            bound.add(closeable);
        }
        return binder;
    }

    public void bindKafkaProducer(Producer<?, ?> producer) {
        bind(new KafkaClientMetrics(producer));
    }

    public void bindKafkaConsumer(Consumer<?, ?> consumer) {
        bind(new KafkaClientMetrics(consumer));
    }

    public void bindKafkaAdmin(AdminClient admin) {
        bind(new KafkaClientMetrics(admin));
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable closeable : bound) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing a metrics binder failed: " + e.getMessage(), e);
            }
        }
        bound.clear();
        registry.close();
    }
}
