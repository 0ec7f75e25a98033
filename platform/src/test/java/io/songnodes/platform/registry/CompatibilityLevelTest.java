package io.songnodes.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {

    private static Schema play(String extraField) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Play\",\"fields\":[{\"name\":\"title\",\"type\":\"string\"}"
                + extraField + "]}");
    }

    private static final Schema V1 = play("");
    private static final Schema WITH_DEFAULT = play(",{\"name\":\"cue\",\"type\":[\"null\",\"string\"],\"default\":null}");
    private static final Schema WITHOUT_DEFAULT = play(",{\"name\":\"cue\",\"type\":\"string\"}");

    @Test
    void backwardAcceptsAFieldWithADefaultAndRefusesOneWithout() {
        assertThat(CompatibilityLevel.BACKWARD.violations(WITH_DEFAULT, List.of(V1))).isEmpty();
        assertThat(CompatibilityLevel.BACKWARD.violations(WITHOUT_DEFAULT, List.of(V1)))
                .singleElement().asString().contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    }

    @Test
    void forwardLetsOldReadersReadNewData() {
        assertThat(CompatibilityLevel.FORWARD.violations(WITHOUT_DEFAULT, List.of(V1))).isEmpty();
        assertThat(CompatibilityLevel.FORWARD.violations(V1, List.of(WITHOUT_DEFAULT))).isNotEmpty();
    }

    @Test
    void transitiveRulesCheckEveryVersionOthersOnlyTheLatest() {
        List<Schema> history = List.of(V1, WITH_DEFAULT);
        Schema dropsTitle = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Play\",\"fields\":["
                + "{\"name\":\"cue\",\"type\":[\"null\",\"string\"],\"default\":null}]}");
        assertThat(CompatibilityLevel.FULL.violations(dropsTitle, history)).isNotEmpty();
        assertThat(CompatibilityLevel.NONE.violations(WITHOUT_DEFAULT, history)).isEmpty();
        assertThat(CompatibilityLevel.BACKWARD.violations(WITH_DEFAULT, List.of())).isEmpty();
    }
}
