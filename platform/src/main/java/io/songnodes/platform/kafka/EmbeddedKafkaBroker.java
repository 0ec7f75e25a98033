package io.songnodes.platform.kafka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) running in this JVM, on
 * free ports, with its log directories in a temporary folder removed on {@link #close()}.
 *
 * <p>Internal topics have replication factor 1 and min ISR 1, so transactions, and with them Kafka
 * Streams' {@code exactly_once_v2}, work on one node. This one class serves {@code songnodes demo},
 * {@code songnodes broker} and the integration tests.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /** Broker settings that make a one-node cluster behave like a healthy production one. */
    static final Map<String, String> SINGLE_NODE_SETTINGS = Map.ofEntries(
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "5"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("transaction.state.log.num.partitions", "5"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("default.replication.factor", "1"),
            Map.entry("min.insync.replicas", "1"),
            // Topics are declared by the catalogue; a typo must fail, not create a topic.
            Map.entry("auto.create.topics.enable", "false"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            // The test kit enables unreleased protocol versions by default; run what ships.
            Map.entry("unstable.api.versions.enable", "false"),
            Map.entry("unstable.feature.versions.enable", "false"),
            Map.entry("log.cleaner.dedupe.buffer.size", "2097152"));

    private final KafkaClusterTestKit cluster;
    private final Path baseDirectory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaBroker(KafkaClusterTestKit cluster, Path baseDirectory) {
        this.cluster = cluster;
        this.baseDirectory = baseDirectory;
    }

    /** Formats a fresh log directory and starts the broker; returns once it accepts clients. */
    public static EmbeddedKafkaBroker start() {
        long started = System.nanoTime();
        Path baseDirectory = null;
        KafkaClusterTestKit cluster = null;
        try {
            baseDirectory = Files.createTempDirectory("songnodes-kafka-");
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(baseDirectory)
                    // The default is an unstable testing version; pin what production runs.
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            SINGLE_NODE_SETTINGS.forEach(builder::setConfigProp);
            cluster = builder.build();
            formatQuietly(cluster);
            cluster.startup();
            cluster.waitForReadyBrokers();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(cluster, baseDirectory);
            log.info("Embedded Kafka broker ready at {} in {} ms", broker.bootstrapServers(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return broker;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(cluster, e);
            throw new IllegalStateException("Embedded Kafka broker failed to start in " + baseDirectory + ": " + e, e);
        }
    }

    /**
     * Kafka's storage formatter prints its progress to System.out, which would corrupt the CLI's
     * output (and {@code --json}); it runs once, before any other thread of ours writes there.
     */
    private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            cluster.format();
        } finally {
            System.setOut(stdout);
            log.debug("Kafka storage format: {}", captured.toString(StandardCharsets.UTF_8).strip());
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public Path logDirectory() {
        return baseDirectory;
    }

    /** Stops the broker and deletes its log directory; safe to call more than once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                cluster.close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("Embedded Kafka broker did not shut down cleanly: " + e, e);
            }
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster, Exception cause) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception closeFailure) {
            cause.addSuppressed(closeFailure);
        }
    }
}
