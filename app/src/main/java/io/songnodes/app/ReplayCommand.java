package io.songnodes.app;

import io.songnodes.platform.config.ConfigException;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.topics.Topics;
import io.songnodes.silver.SilverSettings;
import io.songnodes.silver.SilverTopology;
import io.songnodes.topology.ApplicationReset;
import io.songnodes.topology.StreamsSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Reprocess a topology's input from a point in time: how a better parser is rolled out. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Reset a stopped topology's input offsets, internal topics and local state, so it reprocesses its input.",
                "Refuses while the application still has running members. Needs KAFKA_BOOTSTRAP_SERVERS."})
final class ReplayCommand implements Callable<Integer> {

    @ParentCommand
    private SongNodesCli cli;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<topology>", description = "The topology to replay: silver.")
    private String topology;

    /** Exactly one of the three starting points. */
    static final class From {
        @Option(names = "--to-earliest", required = true, description = "From the beginning of the input.")
        boolean earliest;

        @Option(names = "--to-datetime", required = true, paramLabel = "<ISO-8601>", description = "From this time, e.g. 2026-11-25T06:00:00Z.")
        String dateTime;

        @Option(names = "--by-duration", required = true, paramLabel = "<duration>", description = "From this long ago, e.g. PT6H or 6h.")
        Duration ago;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private From from;

    @Option(names = "--dry-run", description = "Show what would be reset, change nothing.")
    private boolean dryRun;

    @Override
    public Integer call() {
        if (!topology.equals(SilverSettings.TOPOLOGY)) {
            throw new ConfigException("<topology>", "unknown topology " + topology + " (known: silver)");
        }
        SongNodesConfig config = cli.config();
        String applicationId = StreamsSettings.applicationId(topology, config);
        PrintWriter out = spec.commandLine().getOut();
        try (Admin admin = cli.externalKafka("replay").admin()) {
            ApplicationReset reset = new ApplicationReset(admin);
            ApplicationReset.Plan plan;
            try {
                plan = reset.plan(applicationId, List.of(Topics.BRONZE_PLAYLISTS.name()), SilverTopology.STORES, start(), Path.of(config.string("songnodes.streams.state.dir")));
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println("songnodes: replay refused: " + e.getMessage());
                return 1;
            }
            out.println((dryRun ? "Would reset " : "Resetting ") + applicationId + ":");
            plan.inputOffsets().forEach((partition, offset) -> out.printf("  %s -> offset %d%n", partition, offset));
            plan.internalTopics().forEach(t -> out.println("  delete internal topic " + t));
            out.println("  delete local state " + plan.localState());
            if (!dryRun) {
                reset.execute(plan);
                out.println("Done: start the topology again to reprocess.");
            }
        }
        return 0;
    }

    private Instant start() {
        if (from.earliest) {
            return Instant.EPOCH;
        }
        if (from.ago != null) {
            return Instant.now().minus(from.ago);
        }
        try {
            return Instant.parse(from.dateTime);
        } catch (DateTimeParseException e) {
            throw new ConfigException("--to-datetime", "not an ISO-8601 instant like 2026-11-25T06:00:00Z: " + from.dateTime);
        }
    }
}
