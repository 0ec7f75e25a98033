package io.songnodes.alerts;

import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.topology.StreamsSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How silent-failure detection looks at each source ({@code SONGNODES_ALERTS_*}): how often it
 * evaluates, the bucket size of its history, the windows and thresholds of each rule.
 *
 * @param windowOverrides per-source window of ZERO_TRACKS_IN_WINDOW and SOURCE_STALLED
 * @param partitions partitions of the by-source repartition topic: a configured source is judged
 *                   by the one task that owns its partition
 */
public record AlertSettings(String applicationId, Duration punctuation, Duration bucket, Duration window,
                            Map<String, Duration> windowOverrides, Duration rateWindow, double emptyPlaylistRate, long minSample,
                            double volumeFraction, long volumeFloor, int baselineDays, double parserFailureRate, List<String> knownSources,
                            int partitions) {

    public static final String TOPOLOGY = "alerts";

    /** Fails at start, naming the setting, on values the rules cannot work with. */
    public AlertSettings {
        require(!bucket.isZero() && !bucket.isNegative() && Duration.ofDays(1).toMillis() % bucket.toMillis() == 0,
                "songnodes.alerts.bucket", "must divide a day evenly, e.g. 1m, 5m, 1h: " + bucket);
        require(!punctuation.isZero() && !punctuation.isNegative(), "songnodes.alerts.punctuation", "must be positive: " + punctuation);
        require(partitions >= 1, "songnodes.alerts.partitions", "must be at least 1: " + partitions);
        require(window.compareTo(bucket) >= 0, "songnodes.alerts.window", "must be at least one bucket (" + bucket + "): " + window);
        require(rateWindow.compareTo(bucket) >= 0, "songnodes.alerts.rate.window", "must be at least one bucket (" + bucket + "): " + rateWindow);
    }

    private static void require(boolean ok, String property, String problem) {
        if (!ok) {
            throw new io.songnodes.platform.config.ConfigException(SongNodesConfig.variableName(property), problem);
        }
    }

    /** How much history the rules need: the longest window, or the volume baseline, plus a bucket. */
    public Duration retention() {
        Duration longest = windowOverrides.values().stream().reduce(window, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        longest = longest.compareTo(rateWindow) >= 0 ? longest : rateWindow;
        Duration baseline = Duration.ofDays(baselineDays + 1L);
        return (longest.compareTo(baseline) >= 0 ? longest : baseline).plus(bucket);
    }

    public static AlertSettings from(SongNodesConfig config) {
        List<String> sources = Arrays.stream(config.string("songnodes.alerts.sources").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        Map<String, Duration> overrides = new TreeMap<>();
        for (String source : sources) {
            config.optional("songnodes.alerts.window." + source)
                    .ifPresent(w -> overrides.put(source, config.duration("songnodes.alerts.window." + source)));
        }
        return new AlertSettings(StreamsSettings.applicationId(TOPOLOGY, config),
                config.duration("songnodes.alerts.punctuation"), config.duration("songnodes.alerts.bucket"),
                config.duration("songnodes.alerts.window"), overrides, config.duration("songnodes.alerts.rate.window"),
                fraction(config, "songnodes.alerts.empty.playlist.rate"), config.integer("songnodes.alerts.min.sample"),
                fraction(config, "songnodes.alerts.volume.fraction"), config.integer("songnodes.alerts.volume.floor"),
                config.integer("songnodes.alerts.baseline.days"), fraction(config, "songnodes.alerts.parser.failure.rate"), sources,
                config.integer("songnodes.alerts.partitions"));
    }

    private static double fraction(SongNodesConfig config, String property) {
        String value = config.string(property);
        try {
            double d = Double.parseDouble(value);
            if (d < 0 || d > 1) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new io.songnodes.platform.config.ConfigException(SongNodesConfig.variableName(property), "not a fraction between 0 and 1: " + value);
        }
    }

    public Duration windowFor(String source) {
        return windowOverrides.getOrDefault(source, window);
    }
}
