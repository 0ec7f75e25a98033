package io.songnodes.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class RegistryStateTest {

    private static Schema record(String name) {
        return Schema.createRecord(name, null, "t", false, java.util.List.of());
    }

    @Test
    void theFirstEntryInTheLogWinsARace() {
        RegistryState state = new RegistryState();
        assertThat(state.applySchema("a-value", 1, 1, record("A"))).isTrue();
        // Another instance proposed id 1 for B at the same time: its entry comes second and loses.
        assertThat(state.applySchema("b-value", 1, 1, record("B"))).isFalse();
        // And version 1 of a-value is taken.
        assertThat(state.applySchema("a-value", 1, 2, record("A2"))).isFalse();
        assertThat(state.schema(1)).contains(record("A"));
        assertThat(state.nextId()).isEqualTo(2);
    }

    @Test
    void aSchemaKeepsItsIdAcrossSubjectsAndIsNotRegisteredTwiceInOne() {
        RegistryState state = new RegistryState();
        state.applySchema("a-value", 1, 1, record("A"));
        assertThat(state.idOf(record("A"))).contains(1);
        assertThat(state.applySchema("other-value", 1, 1, record("A"))).isTrue();
        assertThat(state.applySchema("a-value", 2, 1, record("A"))).isFalse();
        assertThat(state.subjects()).containsExactly("a-value", "other-value");
    }

    @Test
    void subjectLevelOverridesTheGlobalOne() {
        RegistryState state = new RegistryState();
        assertThat(state.effectiveLevel("x")).isEqualTo(CompatibilityLevel.BACKWARD);
        state.applyConfig(Optional.of("x"), CompatibilityLevel.NONE);
        state.applyConfig(Optional.empty(), CompatibilityLevel.FULL);
        assertThat(state.effectiveLevel("x")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(state.effectiveLevel("y")).isEqualTo(CompatibilityLevel.FULL);
    }
}
