package io.songnodes.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's monitoring/ files, and the metric names they reference or a /metrics scrape exports. */
final class MonitoringFiles {

    private static final Pattern METRIC = Pattern.compile("\\b((?:songnodes|kafka|jvm)_[a-z0-9_]+)\\b");
    private static final Pattern EXPORTED = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{|\\s)", Pattern.MULTILINE);

    private MonitoringFiles() {
    }

    static Path monitoring() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("monitoring"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no monitoring/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("monitoring");
    }

    static String read(String relative) {
        try {
            return Files.readString(monitoring().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Metric names used by the alert rules and the dashboard (label values like rule="..." are not names). */
    static Set<String> referencedMetrics() {
        Set<String> names = new TreeSet<>();
        for (String file : new String[] {"prometheus/alerts.yml", "grafana/songnodes-dashboard.json"}) {
            Matcher m = METRIC.matcher(read(file));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static Set<String> exported(String metricsText) {
        Set<String> names = new TreeSet<>();
        Matcher m = EXPORTED.matcher(metricsText);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
