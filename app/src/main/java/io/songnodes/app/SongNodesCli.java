package io.songnodes.app;

import io.songnodes.platform.config.ConfigException;
import io.songnodes.platform.config.Durations;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.HttpSchemaRegistryClient;
import io.songnodes.platform.registry.SchemaRegistryClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code songnodes}: the platform's command line. Settings come from the environment (see
 * {@code docs/configuration.md}); a bad setting or an unreachable service ends the command with
 * one line naming what to fix and exit code 2.
 */
@Command(name = "songnodes", mixinStandardHelpOptions = true, versionProvider = SongNodesCli.Version.class,
        description = "Event-streaming platform for DJ-set music data on Apache Kafka.",
        subcommands = {DemoCommand.class, BrokerCommand.class, TopicsCommand.class, ScrapeCommand.class, ParseCommand.class, DlqCommand.class, ReplayCommand.class, HealthCommand.class, GraphCommand.class, ServeCommand.class, EnrichCommand.class,
                CommandLine.HelpCommand.class})
public final class SongNodesCli {

    /** Exit code for a setting to fix or an unreachable service, as for usage errors. */
    public static final int EXIT_CONFIG = 2;

    private static final Logger log = LoggerFactory.getLogger(SongNodesCli.class);

    private final Map<String, String> environment;

    public SongNodesCli(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Loaded per command, so {@code --help} works whatever the environment holds. */
    SongNodesConfig config() {
        return SongNodesConfig.from(environment);
    }

    /** The external cluster an operator command works on, verified to answer; {@code forWhat} says which command needs it. */
    KafkaConnection externalKafka(String forWhat) {
        SongNodesConfig config = config();
        String bootstrap = config.kafkaBootstrapServers().orElseThrow(() -> new ConfigException(
                SongNodesConfig.variableName("kafka.bootstrap.servers"),
                "is required for " + forWhat + " (./songnodes broker starts a broker and prints it)"));
        return KafkaConnection.of(config, bootstrap).verify(config.duration("songnodes.kafka.connect.timeout"));
    }

    /** The external schema registry an operator command works on, verified to answer. */
    SchemaRegistryClient externalRegistry(String forWhat) {
        return HttpSchemaRegistryClient.connect(config().schemaRegistryUrl().orElseThrow(() -> new ConfigException(
                SongNodesConfig.SCHEMA_REGISTRY_URL, "is required for " + forWhat + " (./songnodes broker prints it)")));
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(commandLine(System.getenv()).execute(args));
    }

    public static CommandLine commandLine(Map<String, String> environment) {
        CommandLine cli = new CommandLine(new SongNodesCli(environment));
        cli.registerConverter(Duration.class, Durations::parse);
        cli.setExecutionExceptionHandler(SongNodesCli::handleFailure);
        return cli;
    }

    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof ConfigException) {
            err.println("songnodes: " + e.getMessage());
            return EXIT_CONFIG;
        }
        log.debug("Command failed", e);
        err.println("songnodes: " + cli.getCommandName() + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        err.println("songnodes: set SONGNODES_LOG_LEVEL=DEBUG for the stack trace");
        return 1;
    }

    /** The version in the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SongNodesCli.class.getPackage().getImplementationVersion();
            return new String[] {"songnodes " + (version == null ? "development" : version)};
        }
    }
}
