package io.songnodes.app;

import io.songnodes.platform.kafka.TopicReader;
import io.songnodes.enrich.Providers;
import io.songnodes.enrich.TrackField;
import io.songnodes.enrich.WaterfallRules;
import io.songnodes.platform.config.ConfigException;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.enrichment.WaterfallRule;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The enrichment waterfall's configuration, kept in config.enrichment-waterfall.v1 and applied live by every worker. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Enrichment (on the cluster at KAFKA_BOOTSTRAP_SERVERS, schemas at SCHEMA_REGISTRY_URL).",
        subcommands = EnrichCommand.Config.class)
final class EnrichCommand {

    @ParentCommand
    private SongNodesCli cli;

    @Command(name = "config", mixinStandardHelpOptions = true, description = "Show or change the provider waterfall per field.",
            subcommands = {EnrichCommand.Show.class, EnrichCommand.Set.class})
    static final class Config {
        @ParentCommand
        private EnrichCommand enrich;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "The rule in force for each field: providers in order, minimum confidence, enabled.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        private Config config;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            KafkaConnection kafka = config.enrich.cli.externalKafka("enrich config show");
            SchemaRegistryClient registry = config.enrich.cli.externalRegistry("enrich config show");
            Map<String, WaterfallRule> stored = TopicReader.table(kafka, registry, Topics.CONFIG_ENRICHMENT_WATERFALL);
            WaterfallRules rules = new WaterfallRules(stored::get);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-15s %-8s %-14s %-8s %s%n", "FIELD", "ENABLED", "MIN CONFIDENCE", "VERSION", "PROVIDERS (in order)");
            for (TrackField field : TrackField.values()) {
                WaterfallRule rule = rules.rule(field);
                out.printf("%-15s %-8s %-14.2f %-8s %s%n", field.id(), rule.getEnabled() ? "yes" : "no", rule.getMinConfidence(),
                        stored.containsKey(field.id()) ? String.valueOf(rule.getVersion()) : "default",
                        rule.getProviders().isEmpty() ? "(none)" : String.join(" > ", rule.getProviders()));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Change one field's rule; running workers and the request step apply it without a restart,",
                    "and tracks lacking the field are asked again."})
    static final class Set implements Callable<Integer> {
        @ParentCommand
        private Config config;

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<field>", description = "One of: isrc, bpm, key, genre, label, catalog_number, release_date, duration, external_ids.")
        private String field;

        @Option(names = "--providers", split = ",", paramLabel = "p1,p2,...",
                description = "Providers in order: musicbrainz, deezer, itunes, spotify, lastfm, discogs.")
        private List<String> providers;

        @Option(names = "--min-confidence", paramLabel = "0..1", description = "Lowest match confidence accepted.")
        private Double minConfidence;

        @Option(names = "--enabled", paramLabel = "true|false", arity = "1", description = "Whether the field is enriched at all.")
        private Boolean enabled;

        @Override
        public Integer call() {
            TrackField chosen;
            try {
                chosen = TrackField.fromId(field);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("<field>", "must be one of " + Arrays.stream(TrackField.values()).map(TrackField::id).toList()
                        + ", was " + field);
            }
            if (providers != null) {
                providers.stream().filter(p -> !Providers.NAMES.contains(p)).findFirst().ifPresent(p -> {
                    throw new ConfigException("--providers", "unknown provider " + p + "; known: " + Providers.NAMES);
                });
            }
            if (minConfidence != null && (minConfidence < 0 || minConfidence > 1)) {
                throw new ConfigException("--min-confidence", "must be between 0 and 1, was " + minConfidence);
            }
            KafkaConnection kafka = config.enrich.cli.externalKafka("enrich config set");
            SchemaRegistryClient registry = config.enrich.cli.externalRegistry("enrich config set");
            Map<String, WaterfallRule> stored = TopicReader.table(kafka, registry, Topics.CONFIG_ENRICHMENT_WATERFALL);
            WaterfallRule current = new WaterfallRules(stored::get).rule(chosen);
            WaterfallRule changed = WaterfallRule.newBuilder(current)
                    .setProviders(providers != null ? providers : current.getProviders())
                    .setMinConfidence(minConfidence != null ? minConfidence : current.getMinConfidence())
                    .setEnabled(enabled != null ? enabled : current.getEnabled())
                    .setVersion(current.getVersion() + 1).setUpdatedAt(Instant.now()).build();
            try (KafkaProducer<String, WaterfallRule> producer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                    Topics.CONFIG_ENRICHMENT_WATERFALL.valueSerde(registry).serializer())) {
                producer.send(new ProducerRecord<>(Topics.CONFIG_ENRICHMENT_WATERFALL.name(), chosen.id(), changed)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing the rule", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("could not write the rule: " + e.getCause().getMessage(), e.getCause());
            }
            spec.commandLine().getOut().printf("%s: version %d, %s, min confidence %.2f, providers %s%n", chosen.id(), changed.getVersion(),
                    changed.getEnabled() ? "enabled" : "disabled", changed.getMinConfidence(),
                    changed.getProviders().isEmpty() ? "(none)" : String.join(" > ", changed.getProviders()));
            return 0;
        }
    }
}
