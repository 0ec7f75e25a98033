package io.songnodes.platform.registry;

import io.songnodes.schemas.AvroCompatibility;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/** The registry's compatibility rules, as Confluent names them. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /**
     * Why {@code candidate} may not follow {@code existing} (oldest first) under this rule; empty
     * when it may. Non-transitive rules compare with the latest version only.
     */
    public List<String> violations(Schema candidate, List<Schema> existing) {
        if (existing.isEmpty()) {
            return List.of();
        }
        List<Schema> against = transitive ? existing : List.of(existing.get(existing.size() - 1));
        List<String> problems = new ArrayList<>();
        for (Schema previous : against) {
            if (newReadsOld) {
                problems.addAll(AvroCompatibility.incompatibilities(candidate, previous));
            }
            if (oldReadsNew) {
                problems.addAll(AvroCompatibility.incompatibilities(previous, candidate));
            }
        }
        return problems;
    }
}
