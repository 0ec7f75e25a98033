package io.songnodes.app;

import io.songnodes.platform.kafka.TopicReader;
import io.songnodes.gold.GraphExport;
import io.songnodes.platform.config.ConfigException;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.gold.Track;
import io.songnodes.schemas.gold.Transition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The track-to-track transition graph of the Gold tables, for graph tools. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "The transition graph in Gold (on the cluster at KAFKA_BOOTSTRAP_SERVERS, schemas at SCHEMA_REGISTRY_URL).",
        subcommands = GraphCommand.Export.class)
final class GraphCommand {

    @ParentCommand
    private SongNodesCli cli;

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the transition graph from gold.transitions.v1 and gold.tracks.v1:",
                    "GraphML for Gephi or Cytoscape, CSV (one edge per row) for pandas."})
    static final class Export implements Callable<Integer> {
        @ParentCommand
        private GraphCommand graph;

        @Spec
        private CommandSpec spec;

        @Option(names = "--format", required = true, paramLabel = "graphml|csv", description = "graphml or csv.")
        private String format;

        @Option(names = "--min-count", defaultValue = "1", paramLabel = "N",
                description = "Only transitions played at least N times (default: ${DEFAULT-VALUE}).")
        private long minCount;

        @Option(names = {"-o", "--output"}, paramLabel = "<file>", description = "Write to this file instead of standard output.")
        private Path output;

        @Override
        public Integer call() throws IOException {
            GraphExport.Format chosen = switch (format.toLowerCase(Locale.ROOT)) {
                case "graphml" -> GraphExport.Format.GRAPHML;
                case "csv" -> GraphExport.Format.CSV;
                default -> throw new ConfigException("--format", "must be graphml or csv, was " + format);
            };
            if (minCount < 1) {
                throw new ConfigException("--min-count", "must be at least 1, was " + minCount);
            }
            KafkaConnection kafka = graph.cli.externalKafka("graph export");
            SchemaRegistryClient registry = graph.cli.externalRegistry("graph export");
            Map<String, Transition> transitions = TopicReader.table(kafka, registry, Topics.GOLD_TRANSITIONS);
            Map<String, Track> tracks = TopicReader.table(kafka, registry, Topics.GOLD_TRACKS);
            String written = GraphExport.write(chosen, transitions, tracks, minCount);
            if (output == null) {
                spec.commandLine().getOut().print(written);
                spec.commandLine().getOut().flush();
            } else {
                Files.writeString(output, written, StandardCharsets.UTF_8);
                spec.commandLine().getErr().printf("Wrote %d of %d transition(s) to %s%n",
                        transitions.values().stream().filter(t -> t.getOccurrences() >= minCount).count(), transitions.size(), output);
            }
            return 0;
        }
    }
}
