package io.songnodes.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCompatibilityGateTest {

    private static final String RELEASED = """
            {"type": "record", "name": "Play", "namespace": "t", "fields": [
              {"name": "title", "type": "string"},
              {"name": "cue", "type": ["null", "string"], "default": null}
            ]}""";

    @TempDir
    Path tmp;

    private List<SchemaCompatibilityGate.Violation> gate(String current) throws IOException {
        Path released = Files.createDirectories(tmp.resolve("released"));
        Path avro = Files.createDirectories(tmp.resolve("avro"));
        Files.writeString(released.resolve("play.avsc"), RELEASED);
        if (current != null) {
            Files.writeString(avro.resolve("play.avsc"), current);
        }
        return SchemaCompatibilityGate.check(released, avro);
    }

    @Test
    void addingAFieldWithADefaultPasses() throws IOException {
        assertThat(gate(RELEASED.replace("]}", ", {\"name\": \"label\", \"type\": [\"null\", \"string\"], \"default\": null}]}")))
                .isEmpty();
    }

    @Test
    void addingAFieldWithoutADefaultFails() throws IOException {
        assertThat(gate(RELEASED.replace("]}", ", {\"name\": \"label\", \"type\": \"string\"}]}")))
                .singleElement().satisfies(v -> assertThat(v.reason()).contains("READER_FIELD_MISSING_DEFAULT_VALUE"));
    }

    @Test
    void changingAFieldTypeFails() throws IOException {
        assertThat(gate(RELEASED.replace("{\"name\": \"title\", \"type\": \"string\"}", "{\"name\": \"title\", \"type\": \"int\"}")))
                .singleElement().satisfies(v -> assertThat(v.reason()).contains("TYPE_MISMATCH"));
    }

    @Test
    void removingAReleasedSchemaFails() throws IOException {
        assertThat(gate(null)).singleElement().satisfies(v -> assertThat(v.reason()).contains("removed"));
    }

    @Test
    void renamingTheRecordFails() throws IOException {
        assertThat(gate(RELEASED.replace("\"Play\"", "\"TrackPlay\""))).singleElement()
                .satisfies(v -> assertThat(v.reason()).contains("renamed"));
    }

    @Test
    void theProjectsOwnSchemasPassTheGate() throws IOException {
        assertThat(SchemaCompatibilityGate.check(Path.of("released"), Path.of("avro"))).isEmpty();
    }
}
