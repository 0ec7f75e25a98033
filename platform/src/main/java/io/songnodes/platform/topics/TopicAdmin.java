package io.songnodes.platform.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Brings a cluster's topics in line with the catalogue, idempotently: creates missing topics, sets
 * managed configs that drifted, adds partitions (Kafka cannot remove them, so fewer declared than
 * present is reported, not "fixed").
 */
public final class TopicAdmin {

    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;

    public TopicAdmin(Admin admin) {
        this.admin = admin;
    }

    public enum Action { CREATED, UPDATED, UNCHANGED, WARNING }

    /** What {@link #apply} did to one topic. */
    public record Change(String topic, Action action, String detail) {
    }

    /** A declared topic with what the cluster has for it. */
    public record TopicState(TopicSpec<?, ?> spec, boolean exists, int partitions, Map<String, String> configs) {
    }

    public List<Change> apply(Collection<TopicSpec<?, ?>> specs) {
        Set<String> existing = call(admin.listTopics().names());
        List<Change> changes = new ArrayList<>();
        for (TopicSpec<?, ?> spec : specs) {
            changes.add(existing.contains(spec.name()) ? reconcile(spec) : create(spec));
        }
        return changes;
    }

    public List<TopicState> describe(Collection<TopicSpec<?, ?>> specs) {
        Set<String> existing = call(admin.listTopics().names());
        List<TopicState> states = new ArrayList<>();
        for (TopicSpec<?, ?> spec : specs) {
            if (existing.contains(spec.name())) {
                states.add(new TopicState(spec, true, partitions(spec.name()), managedConfigs(spec)));
            } else {
                states.add(new TopicState(spec, false, 0, Map.of()));
            }
        }
        return states;
    }

    private Change create(TopicSpec<?, ?> spec) {
        NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) -1).configs(spec.configs());
        try {
            call(admin.createTopics(List.of(topic)).all());
            return new Change(spec.name(), Action.CREATED, spec.partitions() + " partitions, " + spec.configs());
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return reconcile(spec); // another instance created it between our list and create
            }
            throw e;
        }
    }

    private Change reconcile(TopicSpec<?, ?> spec) {
        List<String> done = new ArrayList<>();
        Map<String, String> actual = managedConfigs(spec);
        List<AlterConfigOp> ops = spec.configs().entrySet().stream()
                .filter(e -> !e.getValue().equals(actual.get(e.getKey())))
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        if (!ops.isEmpty()) {
            call(admin.incrementalAlterConfigs(Map.of(resource(spec), ops)).all());
            done.add(ops.stream().map(op -> op.configEntry().name() + "=" + op.configEntry().value()).collect(Collectors.joining(", ")));
        }
        int partitions = partitions(spec.name());
        if (partitions < spec.partitions()) {
            call(admin.createPartitions(Map.of(spec.name(), NewPartitions.increaseTo(spec.partitions()))).all());
            done.add("partitions " + partitions + " -> " + spec.partitions());
        } else if (partitions > spec.partitions()) {
            return new Change(spec.name(), Action.WARNING, "has " + partitions + " partitions, catalogue declares "
                    + spec.partitions() + "; Kafka cannot remove partitions" + (done.isEmpty() ? "" : "; set " + done));
        }
        return done.isEmpty()
                ? new Change(spec.name(), Action.UNCHANGED, "as declared")
                : new Change(spec.name(), Action.UPDATED, String.join("; ", done));
    }

    private int partitions(String topic) {
        TopicDescription description = call(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        return description.partitions().size();
    }

    private Map<String, String> managedConfigs(TopicSpec<?, ?> spec) {
        Config config = call(admin.describeConfigs(List.of(resource(spec))).all()).get(resource(spec));
        return spec.configs().keySet().stream()
                .filter(name -> config.get(name) != null && config.get(name).value() != null)
                .collect(Collectors.toMap(name -> name, name -> config.get(name).value()));
    }

    private static ConfigResource resource(TopicSpec<?, ?> spec) {
        return new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
    }

    private static <T> T call(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to Kafka", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin request failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
