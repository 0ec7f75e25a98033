package io.songnodes.platform.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry's content, rebuilt by applying the {@code _schemas} log in order. The rules are
 * deterministic, so every instance reading the same log agrees: when two instances race, the entry
 * that reached the log first wins and the loser's conflicting entry (an id already taken by another
 * schema, a version number already taken, a schema already in the subject) is ignored.
 */
final class RegistryState {

    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final Map<String, List<RegisteredSchema>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;

    synchronized boolean applySchema(String subject, int version, int id, Schema schema) {
        Schema taken = schemasById.get(id);
        if (taken != null && !taken.equals(schema)) {
            return false;
        }
        List<RegisteredSchema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        int latest = versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
        if (version != latest + 1 || versions.stream().anyMatch(v -> v.schema().equals(schema))) {
            return false;
        }
        versions.add(new RegisteredSchema(subject, version, id, schema));
        schemasById.put(id, schema);
        idsBySchema.putIfAbsent(schema, id);
        return true;
    }

    synchronized void applyConfig(Optional<String> subject, CompatibilityLevel level) {
        subject.ifPresentOrElse(s -> subjectLevels.put(s, level), () -> globalLevel = level);
    }

    synchronized Optional<Schema> schema(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    /** The id a schema already has in any subject (ids are global and reused across subjects). */
    synchronized Optional<Integer> idOf(Schema schema) {
        return Optional.ofNullable(idsBySchema.get(schema));
    }

    synchronized int nextId() {
        return schemasById.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    synchronized List<RegisteredSchema> versions(String subject) {
        return List.copyOf(subjects.getOrDefault(subject, List.of()));
    }

    synchronized Optional<RegisteredSchema> find(String subject, Schema schema) {
        return subjects.getOrDefault(subject, List.of()).stream().filter(v -> v.schema().equals(schema)).findFirst();
    }

    /** The rule a new version of the subject must pass: the subject's own, else the global one. */
    synchronized CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }
}
