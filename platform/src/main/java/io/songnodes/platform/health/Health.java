package io.songnodes.platform.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The components the process started and whether each is running. The process is ready only when
 * every registered component says so; a check that throws counts as down.
 */
public final class Health {

    /** One component's state, with a short human detail. */
    public record Status(boolean up, String detail) {
        public static Status up(String detail) {
            return new Status(true, detail);
        }

        public static Status down(String detail) {
            return new Status(false, detail);
        }
    }

    /** Readiness of the whole process and of each component. */
    public record Report(boolean ready, Map<String, Status> components) {
    }

    private final Map<String, Supplier<Status>> checks = new LinkedHashMap<>();

    public synchronized void register(String component, Supplier<Status> check) {
        checks.put(component, check);
    }

    public synchronized void unregister(String component) {
        checks.remove(component);
    }

    public Report readiness() {
        Map<String, Supplier<Status>> snapshot;
        synchronized (this) {
            snapshot = new LinkedHashMap<>(checks);
        }
        Map<String, Status> statuses = new LinkedHashMap<>();
        snapshot.forEach((name, check) -> statuses.put(name, evaluate(check)));
        boolean ready = !statuses.isEmpty() && statuses.values().stream().allMatch(Status::up);
        return new Report(ready, statuses);
    }

    private static Status evaluate(Supplier<Status> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return Status.down(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
