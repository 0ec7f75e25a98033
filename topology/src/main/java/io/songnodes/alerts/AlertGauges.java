package io.songnodes.alerts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gauges silent-failure detection exports: {@code songnodes_silent_failure_alert_active{source,rule}}
 * (1 while firing) and {@code songnodes_source_last_track_timestamp_seconds{source}}.
 */
public final class AlertGauges {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> active = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastTrack = new ConcurrentHashMap<>();

    public AlertGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    void alert(String source, SilentFailureRule rule, boolean firing) {
        active.computeIfAbsent(source + "|" + rule, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("songnodes_silent_failure_alert_active", value, AtomicLong::get)
                    .description("1 while the silent-failure rule fires for the source")
                    .tag("source", source).tag("rule", rule.name()).register(registry);
            return value;
        }).set(firing ? 1 : 0);
    }

    void lastTrack(String source, long epochMillis) {
        lastTrack.computeIfAbsent(source, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("songnodes_source_last_track_timestamp_seconds", value, v -> v.get() / 1000.0)
                    .description("When the source last yielded a track (Unix time)")
                    .tag("source", source).register(registry);
            return value;
        }).accumulateAndGet(epochMillis, Math::max);
    }

    /** This instance no longer judges the source (its task moved): its alerts read 0 here. */
    void forget(String source) {
        active.forEach((key, value) -> {
            if (key.startsWith(source + "|")) {
                value.set(0);
            }
        });
    }

    /** Whether any alert fires now, for readiness and the health command. */
    public boolean anyFiring() {
        return active.values().stream().anyMatch(v -> v.get() == 1);
    }
}
