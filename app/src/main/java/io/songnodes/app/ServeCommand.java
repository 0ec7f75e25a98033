package io.songnodes.app;

import io.songnodes.platform.Platform;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.topics.Topics;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One instance of the stream processing: Silver, silent-failure detection, Gold with its queries,
 * and enrichment (the request step and the workers, with the providers enabled in the settings). Start several against one cluster (each with its own SONGNODES_HTTP_PORT and state
 * directory) and Kafka Streams spreads the work; each answers queries for every key.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the stream processors (Silver, silent-failure alerts, Gold, enrichment) and Gold's query API",
                "until Ctrl-C or --duration. Uses KAFKA_BOOTSTRAP_SERVERS / SCHEMA_REGISTRY_URL when set, else embedded ones."})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private SongNodesCli cli;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunDurationOption run;

    @Override
    public Integer call() throws Exception {
        SongNodesConfig config = cli.config();
        PrintWriter out = spec.commandLine().getOut();
        try (RunUntil running = new RunUntil(); Platform platform = Platform.start(config, line -> out.println("  " + line))) {
            Silver.start(platform, config);
            Alerts.start(platform, config);
            Gold.start(platform, config);
            if (Enrichment.start(platform, config).isEmpty()) {
                out.println("Enrichment: no provider enabled (SONGNODES_ENRICH_<PROVIDER>_ENABLED); requests wait on "
                        + Topics.ENRICHMENT_REQUESTS.name());
            }
            out.println("Serving; Gold queries at " + platform.http().baseUrl() + "/api/tracks?artist=<prefix> (Ctrl-C to stop)");
            out.flush();
            running.await(run.duration());
        }
        return 0;
    }
}
