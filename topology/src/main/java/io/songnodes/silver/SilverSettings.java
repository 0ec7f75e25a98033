package io.songnodes.silver;

import io.songnodes.platform.config.ConfigException;
import io.songnodes.platform.config.SongNodesConfig;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The Silver topology's settings: its application id and the action of each expectation. */
public record SilverSettings(String applicationId, Map<String, ExpectationAction> actions) {

    public static final String TOPOLOGY = "silver";

    public SilverSettings {
        actions = Map.copyOf(actions);
    }

    public static SilverSettings from(SongNodesConfig config) {
        Map<String, ExpectationAction> actions = new LinkedHashMap<>();
        for (Expectation expectation : Expectations.ALL) {
            String value = config.optional(expectation.setting()).orElse(expectation.defaultAction().name());
            try {
                actions.put(expectation.name(), ExpectationAction.valueOf(value.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(SongNodesConfig.variableName(expectation.setting()),
                        "not an expectation action (WARN, QUARANTINE or FAIL_PLAYLIST): " + value);
            }
        }
        return new SilverSettings(io.songnodes.topology.StreamsSettings.applicationId(TOPOLOGY, config), actions);
    }

    public ExpectationAction action(Expectation expectation) {
        return actions.getOrDefault(expectation.name(), expectation.defaultAction());
    }
}
