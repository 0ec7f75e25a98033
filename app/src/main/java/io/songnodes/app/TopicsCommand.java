package io.songnodes.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.songnodes.platform.topics.TopicAdmin;
import io.songnodes.platform.topics.TopicSpec;
import io.songnodes.platform.topics.Topics;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The topic catalogue against a running cluster ({@code KAFKA_BOOTSTRAP_SERVERS}). */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Create, update and show the topics SongNodes declares, on the cluster at KAFKA_BOOTSTRAP_SERVERS.",
        subcommands = {TopicsCommand.Apply.class, TopicsCommand.ListTopics.class})
final class TopicsCommand {

    @ParentCommand
    private SongNodesCli cli;

    Admin connect() {
        return cli.externalKafka("topics commands").admin();
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Create missing topics and bring partitions and managed configs in line with the catalogue (idempotent).")
    static final class Apply implements Callable<Integer> {

        @ParentCommand
        private TopicsCommand topics;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Admin admin = topics.connect()) {
                List<TopicAdmin.Change> changes = new TopicAdmin(admin).apply(Topics.ALL);
                changes.forEach(c -> out.printf("%-10s %-24s %s%n", c.action(), c.topic(), c.detail()));
                return changes.stream().anyMatch(c -> c.action() == TopicAdmin.Action.WARNING) ? 1 : 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Show every declared topic with its settings as declared and as found on the cluster.")
    static final class ListTopics implements Callable<Integer> {

        @ParentCommand
        private TopicsCommand topics;

        @Spec
        private CommandSpec spec;

        @Option(names = "--json", description = "One JSON array instead of a table.")
        private boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<TopicAdmin.TopicState> states;
            try (Admin admin = topics.connect()) {
                states = new TopicAdmin(admin).describe(Topics.ALL);
            }
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(states.stream().map(ListTopics::asMap).toList()));
                return 0;
            }
            out.printf("%-22s %-11s %-8s %-14s %-8s %-22s %s%n", "TOPIC", "PARTITIONS", "CLEANUP", "RETENTION", "KEY", "VALUE", "STATUS");
            for (TopicAdmin.TopicState s : states) {
                TopicSpec<?, ?> t = s.spec();
                out.printf("%-22s %-11s %-8s %-14s %-8s %-22s %s%n", t.name(), s.exists() ? s.partitions() + "/" + t.partitions() : "-/" + t.partitions(),
                        t.cleanup().policy(), retention(t), t.key().format(), t.value().format(), status(s));
            }
            return 0;
        }

        private static String retention(TopicSpec<?, ?> t) {
            return t.retention().map(io.songnodes.platform.config.Durations::format).orElse("forever");
        }

        private static String status(TopicAdmin.TopicState s) {
            if (!s.exists()) {
                return "missing (run topics apply)";
            }
            boolean drift = s.partitions() != s.spec().partitions() || !s.spec().configs().equals(s.configs());
            return drift ? "drift (run topics apply)" : "ok";
        }

        private static Map<String, Object> asMap(TopicAdmin.TopicState s) {
            TopicSpec<?, ?> t = s.spec();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("description", t.description());
            m.put("partitions", t.partitions());
            m.put("cleanupPolicy", t.cleanup().policy());
            m.put("retentionMs", t.retention().map(java.time.Duration::toMillis).orElse(-1L));
            m.put("key", t.key().format());
            m.put("value", t.value().format());
            m.put("exists", s.exists());
            m.put("actualPartitions", s.exists() ? s.partitions() : null);
            m.put("actualConfigs", s.configs());
            m.put("status", status(s));
            return m;
        }
    }
}
