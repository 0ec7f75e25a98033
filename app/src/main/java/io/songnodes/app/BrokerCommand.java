package io.songnodes.app;

import io.songnodes.platform.http.AdminToken;
import io.songnodes.platform.kafka.EmbeddedKafkaBroker;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.EmbeddedSchemaRegistry;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Keeps an embedded broker (and registry) up for other processes: tests, a second instance, Kafka tools. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Start an embedded single-node KRaft Kafka broker and print its bootstrap address.",
                "Its log directory is temporary and removed when it stops."})
final class BrokerCommand implements Callable<Integer> {

    @ParentCommand
    private SongNodesCli cli;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunDurationOption run;

    @Option(names = "--registry", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also run the embedded schema registry on the broker (default: ${DEFAULT-VALUE}).")
    private boolean registry;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        var config = cli.config();
        try (RunUntil running = new RunUntil(); EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            out.println("KAFKA_BOOTSTRAP_SERVERS=" + broker.bootstrapServers());
            Optional<EmbeddedSchemaRegistry> registryServer = Optional.empty();
            if (registry) {
                registryServer = Optional.of(EmbeddedSchemaRegistry.start(
                        KafkaConnection.of(config, broker.bootstrapServers()),
                        config.string("songnodes.registry.host"), config.port("songnodes.registry.port"),
                        AdminToken.of(config.optional(AdminToken.SETTING))));
                out.println("SCHEMA_REGISTRY_URL=" + registryServer.get().url());
            }
            out.println("# export these to point other songnodes commands at this broker; Ctrl-C stops it");
            out.flush();
            try {
                running.await(run.duration());
            } finally {
                registryServer.ifPresent(EmbeddedSchemaRegistry::close);
            }
        }
        return 0;
    }
}
