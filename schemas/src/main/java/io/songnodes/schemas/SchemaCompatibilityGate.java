package io.songnodes.schemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The build's compatibility gate: every schema in the current directory must be able to read data
 * written with its released version (BACKWARD), and no released schema may disappear, because
 * Bronze is replayed from the beginning of time by the newest code.
 */
public final class SchemaCompatibilityGate {

    private SchemaCompatibilityGate() {
    }

    /** One problem found by the gate; the build fails when there is any. */
    public record Violation(String file, String reason) {
        @Override
        public String toString() {
            return file + ": " + reason;
        }
    }

    public static List<Violation> check(Path releasedDir, Path currentDir) throws IOException {
        List<Violation> violations = new ArrayList<>();
        for (String file : avscFiles(releasedDir)) {
            Path current = currentDir.resolve(file);
            if (!Files.exists(current)) {
                violations.add(new Violation(file, "released schema was removed; keep it (deprecate its use) instead"));
                continue;
            }
            Schema released = parse(releasedDir.resolve(file));
            Schema candidate = parse(current);
            if (!released.getFullName().equals(candidate.getFullName())) {
                violations.add(new Violation(file, "record renamed from " + released.getFullName()
                        + " to " + candidate.getFullName()));
                continue;
            }
            List<String> reasons = AvroCompatibility.incompatibilities(candidate, released);
            if (!reasons.isEmpty()) {
                violations.add(new Violation(file, "not BACKWARD compatible with the released version: " + String.join("; ", reasons)));
            }
        }
        return violations;
    }

    private static Set<String> avscFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".avsc"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Schema parse(Path file) throws IOException {
        return new Schema.Parser().parse(file.toFile());
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SchemaCompatibilityGate <released-dir> <current-dir>");
        }
        List<Violation> violations = check(Path.of(args[0]), Path.of(args[1]));
        if (!violations.isEmpty()) {
            violations.forEach(v -> System.err.println("[schema-compatibility] " + v));
            throw new IllegalStateException(violations.size() + " schema change(s) break BACKWARD compatibility; see docs/schemas.md");
        }
        System.out.println("[schema-compatibility] every schema reads its released version");
    }
}
