package io.songnodes.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.songnodes.platform.config.SongNodesConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The platform's state for a person or a monitoring check, from a running instance's readiness
 * endpoint and its active alerts: exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (cannot reach it).
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Print the platform's state; exit 0 OK, 1 WARNING (an alert fires), 2 CRITICAL (not ready, or a source",
                "yields nothing), 3 UNKNOWN (cannot reach the app at SONGNODES_HTTP_HOST:SONGNODES_HTTP_PORT or --url)."})
final class HealthCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int WARNING = 1;
    static final int CRITICAL = 2;
    static final int UNKNOWN = 3;

    /** Rules that mean a source yields nothing at all: critical, not a warning (VOLUME_DROP and the rates warn). */
    private static final Set<String> CRITICAL_RULES = Set.of("ZERO_TRACKS_IN_WINDOW", "SOURCE_STALLED");
    private static final Pattern ACTIVE_ALERT = Pattern.compile(
            "^songnodes_silent_failure_alert_active\\{([^}]*)}\\s+1(?:\\.0)?$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    @ParentCommand
    private SongNodesCli cli;

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "<url>", description = "The app's HTTP server (default: http://SONGNODES_HTTP_HOST:SONGNODES_HTTP_PORT).")
    private URI url;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            return check(out);
        } catch (RuntimeException e) {
            // A bad URL or setting: the state of the platform is unknown, whatever the cause.
            out.println("UNKNOWN: " + e.getMessage());
            return UNKNOWN;
        }
    }

    private int check(PrintWriter out) {
        SongNodesConfig config = cli.config();
        URI base = url != null ? url : URI.create("http://" + config.string("songnodes.http.host") + ":" + config.port("songnodes.http.port"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String ready;
        String metrics;
        int readyStatus;
        try {
            HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(base.resolve("/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            readyStatus = readiness.statusCode();
            ready = readiness.body();
            HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (scrape.statusCode() != 200 || readyStatus != 200 && readyStatus != 503) {
                out.println("UNKNOWN: " + base + " does not answer like SongNodes (/health/ready " + readyStatus + ", /metrics "
                        + scrape.statusCode() + ")");
                return UNKNOWN;
            }
            metrics = scrape.body();
        } catch (IOException e) {
            out.println("UNKNOWN: cannot reach SongNodes at " + base + " (" + e.getClass().getSimpleName() + ")");
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
        int state = OK;
        List<String> lines = new ArrayList<>();
        try {
            JsonNode components = new ObjectMapper().readTree(ready).path("components");
            components.fields().forEachRemaining(c -> lines.add("  " + c.getKey() + ": " + c.getValue().path("status").asText()
                    + " (" + c.getValue().path("detail").asText() + ")"));
        } catch (IOException e) {
            lines.add("  readiness answer unreadable: " + e.getMessage());
        }
        if (readyStatus == 503) {
            state = CRITICAL;
        }
        Matcher alert = ACTIVE_ALERT.matcher(metrics);
        while (alert.find()) {
            String rule = label(alert.group(1), "rule");
            String source = label(alert.group(1), "source");
            lines.add("  alert firing: " + rule + " for " + source);
            state = Math.max(state, CRITICAL_RULES.contains(rule) ? CRITICAL : WARNING);
        }
        out.println(switch (state) {
            case OK -> "OK";
            case WARNING -> "WARNING";
            default -> "CRITICAL";
        } + ": SongNodes at " + base + (readyStatus == 200 ? " is ready" : " is NOT ready"));
        lines.forEach(out::println);
        return state;
    }

    private static String label(String labels, String name) {
        Matcher m = LABEL.matcher(labels);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        return "?";
    }
}
