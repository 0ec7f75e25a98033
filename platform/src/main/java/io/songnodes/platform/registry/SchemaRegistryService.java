package io.songnodes.platform.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** What the embedded registry does, independent of HTTP: register with compatibility checks, and look up. */
final class SchemaRegistryService {

    private static final int REGISTER_ATTEMPTS = 5;

    private final RegistryState state;
    private final SchemaLog log;

    SchemaRegistryService(RegistryState state, SchemaLog log) {
        this.state = state;
        this.log = log;
    }

    int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        for (int attempt = 0; attempt < REGISTER_ATTEMPTS; attempt++) {
            log.catchUp();
            Optional<RegisteredSchema> existing = state.find(subject, schema);
            if (existing.isPresent()) {
                return existing.get().id();
            }
            List<RegisteredSchema> versions = state.versions(subject);
            List<String> violations = state.effectiveLevel(subject).violations(schema, schemas(versions));
            if (!violations.isEmpty()) {
                throw new IncompatibleSchemaException("Schema being registered is incompatible with an earlier schema for subject \""
                        + subject + "\" (" + state.effectiveLevel(subject) + "): " + String.join("; ", violations));
            }
            int id = state.idOf(schema).orElseGet(state::nextId);
            int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
            log.appendSchema(subject, version, id, schema);
            Optional<RegisteredSchema> registered = state.find(subject, schema);
            if (registered.isPresent()) {
                return registered.get().id();
            }
            // Another instance's entry won the race for this id or version; look again.
        }
        throw new SchemaRegistryException(503, 50003, "could not register under \"" + subject + "\": concurrent registrations kept winning");
    }

    Schema schemaById(int id) {
        Optional<Schema> schema = state.schema(id);
        if (schema.isEmpty()) {
            log.catchUp(); // another instance may have registered it a moment ago
            schema = state.schema(id);
        }
        return schema.orElseThrow(() -> new SchemaRegistryException(404, 40403, "Schema " + id + " not found"));
    }

    List<String> subjects() {
        return state.subjects();
    }

    List<RegisteredSchema> versions(String subject) {
        List<RegisteredSchema> versions = state.versions(subject);
        if (versions.isEmpty()) {
            throw new SchemaRegistryException(404, 40401, "Subject '" + subject + "' not found.");
        }
        return versions;
    }

    /** {@code version} is a number or {@code latest}. */
    RegisteredSchema version(String subject, String version) {
        List<RegisteredSchema> versions = versions(subject);
        if ("latest".equals(version) || "-1".equals(version)) {
            return versions.get(versions.size() - 1);
        }
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new SchemaRegistryException(422, 42202, "The specified version '" + version + "' is not a valid version id.");
        }
        return versions.stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> new SchemaRegistryException(404, 40402, "Version " + version + " not found."));
    }

    RegisteredSchema lookup(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        versions(subject);
        return state.find(subject, schema)
                .orElseThrow(() -> new SchemaRegistryException(404, 40403, "Schema not found"));
    }

    /** Whether {@code schemaText} could follow the given version (or every version, for transitive rules). */
    List<String> compatibilityViolations(String subject, String version, String schemaText) {
        Schema schema = parse(schemaText);
        List<RegisteredSchema> versions = versions(subject);
        CompatibilityLevel level = state.effectiveLevel(subject);
        List<RegisteredSchema> against = "latest".equals(version) ? versions : List.of(version(subject, version));
        return level.violations(schema, schemas(against));
    }

    CompatibilityLevel globalLevel() {
        return state.globalLevel();
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return state.subjectLevel(subject);
    }

    void setLevel(Optional<String> subject, String level) {
        CompatibilityLevel parsed;
        try {
            parsed = CompatibilityLevel.valueOf(level);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SchemaRegistryException(422, 42203, "Invalid compatibility level: " + level);
        }
        log.appendConfig(subject, parsed);
    }

    boolean isHealthy() {
        return log.isHealthy();
    }

    private static List<Schema> schemas(List<RegisteredSchema> versions) {
        return versions.stream().map(RegisteredSchema::schema).toList();
    }

    private static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw new SchemaRegistryException(422, 42201, "Invalid schema: empty");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(422, 42201, "Invalid schema: " + e.getMessage());
        }
    }
}
