package io.songnodes.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * What {@code kafka-streams-application-reset} does, through the Admin API: move a stopped
 * application's input offsets back (to the start, a time, or a while ago), delete the changelog
 * topics of its stores, and its local state, so it reprocesses its input from there. (Topologies
 * with repartition topics will pass those too when they exist.)
 * It refuses while the application's group has members: resetting a running application corrupts it.
 */
public final class ApplicationReset {

    /** What a reset would do. */
    public record Plan(String applicationId, Map<TopicPartition, Long> inputOffsets, List<String> internalTopics, Path localState) {
    }

    private final Admin admin;

    public ApplicationReset(Admin admin) {
        this.admin = admin;
    }

    /**
     * @param to the time to go back to; {@code Instant.EPOCH} means the earliest offsets
     * @throws IllegalStateException while the application still runs
     */
    public Plan plan(String applicationId, List<String> inputTopics, List<String> stores, Instant to, Path stateDir) {
        int members = members(applicationId);
        if (members > 0) {
            throw new IllegalStateException("application " + applicationId + " still has " + members
                    + " running member(s); stop every instance before replaying");
        }
        Map<TopicPartition, OffsetSpec> specs = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
        for (String topic : inputTopics) {
            call(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions()
                    .forEach(p -> specs.put(new TopicPartition(topic, p.partition()),
                            to.equals(Instant.EPOCH) ? OffsetSpec.earliest() : OffsetSpec.forTimestamp(to.toEpochMilli())));
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = call(admin.listOffsets(specs).all());
        Map<TopicPartition, Long> ends = call(admin.listOffsets(specs.keySet().stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Map<TopicPartition, Long> offsets = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
        // No record at or after the time: the partition starts at its end.
        specs.keySet().forEach(p -> offsets.put(p, found.get(p).offset() < 0 ? ends.get(p) : found.get(p).offset()));
        // Exact names from the topology's stores: a prefix match could take another application's topics.
        Set<String> topics = call(admin.listTopics().names());
        List<String> internal = stores.stream().map(store -> applicationId + "-" + store + "-changelog").filter(topics::contains).sorted().toList();
        return new Plan(applicationId, offsets, internal, stateDir.resolve(applicationId));
    }

    public void execute(Plan plan) {
        if (members(plan.applicationId()) > 0) {
            throw new IllegalStateException("application " + plan.applicationId() + " was started again; not resetting");
        }
        call(admin.alterConsumerGroupOffsets(plan.applicationId(), plan.inputOffsets().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())))).all());
        if (!plan.internalTopics().isEmpty()) {
            call(admin.deleteTopics(plan.internalTopics()).all());
        }
        deleteRecursively(plan.localState());
    }

    private int members(String applicationId) {
        try {
            ConsumerGroupDescription group = call(admin.describeConsumerGroups(List.of(applicationId)).all()).get(applicationId);
            return group == null ? 0 : group.members().size();
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw e;
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete local state " + dir, e);
        }
    }

    private static <T> T call(KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 30 s", e);
        }
    }
}
