package io.songnodes.app;

import io.songnodes.platform.Platform;
import io.songnodes.platform.config.Durations;
import io.songnodes.platform.config.SongNodesConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The main job on its embedded default: a real KRaft broker and schema registry in this process
 * (or the configured external ones), the declared topics, an Avro record round-tripped through
 * them, and the HTTP server with health and metrics, up until Ctrl-C or {@code --duration}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run SongNodes on its embedded default: Kafka broker, schema registry, topics, HTTP server.",
                "Uses KAFKA_BOOTSTRAP_SERVERS / SCHEMA_REGISTRY_URL instead when they are set."})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    private SongNodesCli cli;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunDurationOption run;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SongNodesConfig config = cli.config();
        say(out, "SongNodes demo: starting the platform");
        try (RunUntil running = new RunUntil();
             Platform platform = Platform.start(config, line -> say(out, "  " + line))) {
            AvroRoundTrip.Result trip = AvroRoundTrip.run(platform,
                    "https://www.mixesdb.com/w/2017-10-22_-_Ben_Klock_@_Awakenings_x_Klockworks_Pres._Photon");
            say(out, "Round trip through " + trip.partition() + " offset " + trip.offset() + " (schema id " + trip.schemaId() + "):");
            say(out, "  sent     " + trip.sent());
            say(out, "  received " + trip.received());
            if (!trip.matches()) {
                say(out, "Round trip FAILED: the record read back differs from the one written");
                return 1;
            }
            say(out, "Round trip OK: decoded with only the registry and the bytes, and into the generated class");
            say(out, "Schema registry: " + platform.registryUrl());
            say(out, "Metrics:         " + platform.http().baseUrl() + "/metrics");
            say(out, "Readiness:       " + platform.http().baseUrl() + "/health/ready ("
                    + (platform.health().readiness().ready() ? "ready" : "NOT ready") + ")");
            say(out, run.duration().map(d -> "Running for " + Durations.format(d) + " (Ctrl-C to stop sooner)")
                    .orElse("Running until Ctrl-C"));
            running.await(run.duration());
            say(out, "Stopping");
        }
        say(out, "Stopped");
        return 0;
    }

    private static void say(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }
}
