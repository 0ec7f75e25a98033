package io.songnodes.platform.testkit;

import io.songnodes.platform.registry.CompatibilityLevel;
import io.songnodes.platform.registry.IncompatibleSchemaException;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A schema registry in memory, for unit tests of topologies (TopologyTestDriver has no broker to
 * keep the real one on): global ids, versions per subject, BACKWARD checks, as the real one does.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private final Map<Schema, Integer> ids = new HashMap<>();
    private final Map<Integer, Schema> schemas = new HashMap<>();
    private final Map<String, List<Schema>> subjects = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Schema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(schema)) {
            List<String> violations = CompatibilityLevel.BACKWARD.violations(schema, versions);
            if (!violations.isEmpty()) {
                throw new IncompatibleSchemaException(String.join("; ", violations));
            }
            versions.add(schema);
        }
        return ids.computeIfAbsent(schema, s -> {
            int id = ids.size() + 1;
            schemas.put(id, s);
            return id;
        });
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemas.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(404, 40403, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        return CompatibilityLevel.BACKWARD.violations(schema, subjects.getOrDefault(subject, List.of())).isEmpty();
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }
}
