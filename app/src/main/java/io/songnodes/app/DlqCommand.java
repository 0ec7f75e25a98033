package io.songnodes.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.songnodes.platform.config.ConfigException;
import io.songnodes.platform.config.Durations;
import io.songnodes.platform.dlq.DeadLetterQueue;
import io.songnodes.platform.topics.Topics;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The dead-letter topics: what is in them, and putting letters back once their cause is fixed. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Inspect and replay dead letters (on the cluster at KAFKA_BOOTSTRAP_SERVERS).",
        subcommands = {DlqCommand.Stats.class, DlqCommand.ListLetters.class, DlqCommand.Replay.class})
final class DlqCommand {

    @ParentCommand
    private SongNodesCli cli;

    @Option(names = "--topic", defaultValue = "dlq.silver.v1", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The dead-letter topic (default: ${DEFAULT-VALUE}).")
    private String topic;

    DeadLetterQueue queue() {
        if (Topics.ALL.stream().noneMatch(t -> t.name().equals(topic) && t.name().startsWith("dlq."))) {
            throw new ConfigException("--topic", "not a dead-letter topic of the catalogue: " + topic);
        }
        return new DeadLetterQueue(cli.externalKafka("dlq commands"), topic);
    }

    /** --expectation, --source, --since: which letters a command is about. */
    static final class FilterOptions {
        @Option(names = "--expectation", description = "Only letters of this failed expectation.")
        private String expectation;

        @Option(names = "--source", description = "Only letters of records from this source (mixesdb, 1001tracklists).")
        private String source;

        @Option(names = "--since", paramLabel = "<time>", description = "Only letters since this ISO-8601 instant, or this long ago (e.g. 6h).")
        private String since;

        DeadLetterQueue.Filter filter() {
            return new DeadLetterQueue.Filter(Optional.ofNullable(expectation), Optional.ofNullable(source),
                    Optional.ofNullable(since).map(FilterOptions::instant));
        }

        private static Instant instant(String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                try {
                    return Instant.now().minus(Durations.parse(text));
                } catch (IllegalArgumentException notADuration) {
                    throw new ConfigException("--since", "neither an ISO-8601 instant nor a duration: " + text);
                }
            }
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Count the letters by category, expectation, source and age.")
    static final class Stats implements Callable<Integer> {
        @ParentCommand
        private DlqCommand dlq;

        @Spec
        private CommandSpec spec;

        @Option(names = "--json", description = "Print as JSON.")
        private boolean json;

        @Override
        public Integer call() throws Exception {
            DeadLetterQueue.Stats stats = dlq.queue().stats(Instant.now());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(stats));
                return 0;
            }
            out.printf("%s: %d dead letter(s)%n", dlq.topic, stats.total());
            Map<String, Map<String, Integer>> sections = new LinkedHashMap<>();
            sections.put("by category", stats.byCategory());
            sections.put("by expectation", stats.byExpectation());
            sections.put("by source", stats.bySource());
            sections.put("by age", stats.byAge());
            sections.forEach((title, counts) -> {
                out.println("  " + title + ":");
                counts.forEach((name, count) -> out.printf("    %-40s %d%n", name, count));
            });
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the letters that match, one a line.")
    static final class ListLetters implements Callable<Integer> {
        @ParentCommand
        private DlqCommand dlq;

        @Spec
        private CommandSpec spec;

        @Mixin
        private FilterOptions filter;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<DeadLetterQueue.Letter> letters = dlq.queue().list(filter.filter());
            for (DeadLetterQueue.Letter l : letters) {
                out.printf("%d@%d  %s  %-15s %-28s %-14s from %s-%s@%s: %s%n", l.partition(), l.offset(), l.at(), l.why().getCategory(),
                        Optional.ofNullable(l.why().getExpectation()).orElse("-"), Optional.ofNullable(l.why().getRecordSource()).orElse("-"),
                        l.why().getSourceTopic(), l.why().getSourcePartition(), l.why().getSourceOffset(), l.why().getExceptionMessage());
            }
            out.printf("%d letter(s)%n", letters.size());
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Republish matching letters' original bytes to their original topic, without the error headers",
                    "and with a replay counter; fix the cause first."})
    static final class Replay implements Callable<Integer> {
        @ParentCommand
        private DlqCommand dlq;

        @Spec
        private CommandSpec spec;

        @Mixin
        private FilterOptions filter;

        @Option(names = "--dry-run", description = "Show what would be replayed, send nothing.")
        private boolean dryRun;

        @Option(names = "--rate", paramLabel = "<N/s>", defaultValue = "100/s", description = "At most this many records a second (default: ${DEFAULT-VALUE}).")
        private String rate;

        @Override
        public Integer call() throws Exception {
            int perSecond;
            try {
                perSecond = Integer.parseInt(rate.replace("/s", "").strip());
            } catch (NumberFormatException e) {
                throw new ConfigException("--rate", "not a rate like 50/s: " + rate);
            }
            DeadLetterQueue queue = dlq.queue();
            int total = queue.list(filter.filter()).size();
            Progress progress = new Progress(spec.commandLine().getErr(), total);
            List<DeadLetterQueue.Letter> replayed = queue.replay(filter.filter(), dryRun, perSecond, l -> progress.published());
            progress.finish();
            spec.commandLine().getOut().printf("%s %d letter(s) to their original topics%n", dryRun ? "Would replay" : "Replayed", replayed.size());
            return 0;
        }
    }
}
