package io.songnodes.platform;

import io.songnodes.platform.config.ConfigException;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.health.Health;
import io.songnodes.platform.http.AdminToken;
import io.songnodes.platform.http.PlatformHttpServer;
import io.songnodes.platform.kafka.EmbeddedKafkaBroker;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.metrics.PlatformMetrics;
import io.songnodes.platform.registry.EmbeddedSchemaRegistry;
import io.songnodes.platform.registry.HttpSchemaRegistryClient;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.registry.SchemaRegistryException;
import io.songnodes.platform.topics.TopicAdmin;
import io.songnodes.platform.topics.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;

/**
 * Everything a SongNodes process stands on, started in order and closed in reverse: Kafka (the
 * configured cluster, else an embedded broker), the schema registry (the configured one, else the
 * embedded one), the declared topics, metrics, health and the HTTP server. Capabilities built on
 * top register their own health checks and routes.
 */
public final class Platform implements AutoCloseable {

    private final SongNodesConfig config;
    private final KafkaConnection kafka;
    private final SchemaRegistryClient registry;
    private final URI registryUrl;
    private final PlatformMetrics metrics;
    private final Health health;
    private final PlatformHttpServer http;
    private final List<TopicAdmin.Change> topicChanges;
    private final Deque<AutoCloseable> resources;

    private Platform(Builder b) {
        this.config = b.config;
        this.kafka = b.kafka;
        this.registry = b.registry;
        this.registryUrl = b.registryUrl;
        this.metrics = b.metrics;
        this.health = b.health;
        this.http = b.http;
        this.topicChanges = b.topicChanges;
        this.resources = b.resources;
    }

    /** Collects what has started so far, so a failure part-way closes exactly that. */
    private static final class Builder {
        final SongNodesConfig config;
        final Deque<AutoCloseable> resources = new ArrayDeque<>();
        final PlatformMetrics metrics = new PlatformMetrics();
        final Health health = new Health();
        KafkaConnection kafka;
        SchemaRegistryClient registry;
        URI registryUrl;
        PlatformHttpServer http;
        List<TopicAdmin.Change> topicChanges;

        Builder(SongNodesConfig config) {
            this.config = config;
            resources.push(metrics);
        }

        <T extends AutoCloseable> T closeLater(T resource) {
            resources.push(resource);
            return resource;
        }
    }

    /**
     * Starts the platform. Invalid settings or an unreachable external service fail fast with a
     * {@link ConfigException} naming the setting.
     *
     * @param progress receives one line per started component, for the CLI to print
     */
    public static Platform start(SongNodesConfig config, Consumer<String> progress) {
        AdminToken adminToken = AdminToken.of(config.optional(AdminToken.SETTING));
        String httpHost = config.string("songnodes.http.host");
        int httpPort = config.port("songnodes.http.port");
        Duration connectTimeout = config.duration("songnodes.kafka.connect.timeout");
        Builder b = new Builder(config);
        try {
            startKafka(b, connectTimeout, progress);
            startRegistry(b, adminToken, progress);
            try (Admin admin = b.kafka.admin()) {
                b.topicChanges = new TopicAdmin(admin).apply(Topics.ALL);
            }
            progress.accept("Topics applied: " + b.topicChanges.size() + " declared");
            b.http = b.closeLater(PlatformHttpServer.start(httpHost, httpPort, b.health, b.metrics, adminToken));
            progress.accept("HTTP server on " + b.http.baseUrl() + " (/health/live, /health/ready, /metrics)");
            return new Platform(b);
        } catch (RuntimeException e) {
            closeAll(b.resources, e);
            throw e;
        }
    }

    private static void startKafka(Builder b, Duration connectTimeout, Consumer<String> progress) {
        Optional<String> external = b.config.kafkaBootstrapServers();
        if (external.isPresent()) {
            b.kafka = KafkaConnection.of(b.config, external.get()).verify(connectTimeout);
            progress.accept("Kafka: " + external.get() + " (external)");
        } else {
            EmbeddedKafkaBroker broker = b.closeLater(EmbeddedKafkaBroker.start());
            b.kafka = KafkaConnection.of(b.config, broker.bootstrapServers());
            progress.accept("Kafka: embedded KRaft broker at " + broker.bootstrapServers());
        }
        AdminClient admin = (AdminClient) b.closeLater(b.kafka.admin());
        b.metrics.bindKafkaAdmin(admin);
        b.health.register("kafka", () -> clusterStatus(admin));
    }

    private static void startRegistry(Builder b, AdminToken adminToken, Consumer<String> progress) {
        Optional<URI> external = b.config.schemaRegistryUrl();
        if (external.isPresent()) {
            HttpSchemaRegistryClient client = HttpSchemaRegistryClient.connect(external.get());
            b.registry = client;
            b.registryUrl = external.get();
            b.health.register("schema-registry", () -> registryStatus(client));
            progress.accept("Schema registry: " + external.get() + " (external)");
        } else {
            EmbeddedSchemaRegistry embedded = b.closeLater(EmbeddedSchemaRegistry.start(b.kafka,
                    b.config.string("songnodes.registry.host"), b.config.port("songnodes.registry.port"), adminToken));
            b.registry = embedded.client();
            b.registryUrl = embedded.url();
            b.health.register("schema-registry", () -> embedded.isHealthy()
                    ? Health.Status.up(embedded.url().toString()) : Health.Status.down("registry log reader stopped"));
            progress.accept("Schema registry: embedded at " + embedded.url() + " (schemas in topic _schemas)");
        }
    }

    private static Health.Status clusterStatus(Admin admin) {
        try {
            int nodes = admin.describeCluster().nodes().get(2, java.util.concurrent.TimeUnit.SECONDS).size();
            return nodes > 0 ? Health.Status.up(nodes + " broker(s)") : Health.Status.down("no brokers");
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Health.Status.down("cluster unreachable: " + e.getClass().getSimpleName());
        }
    }

    private static Health.Status registryStatus(SchemaRegistryClient client) {
        try {
            return Health.Status.up(client.subjects().size() + " subject(s)");
        } catch (SchemaRegistryException e) {
            return Health.Status.down(e.getMessage());
        }
    }

    public SongNodesConfig config() {
        return config;
    }

    public KafkaConnection kafka() {
        return kafka;
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    public URI registryUrl() {
        return registryUrl;
    }

    public PlatformMetrics metrics() {
        return metrics;
    }

    public Health health() {
        return health;
    }

    public PlatformHttpServer http() {
        return http;
    }

    public List<TopicAdmin.Change> topicChanges() {
        return topicChanges;
    }

    /** Ties a capability's lifetime to the platform's: closed before the platform's own parts. */
    public synchronized <T extends AutoCloseable> T closeWithPlatform(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        closeAll(resources, null);
    }

    private static void closeAll(Deque<AutoCloseable> resources, RuntimeException failure) {
        RuntimeException first = failure;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("shutdown failed: " + e.getMessage(), e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null && failure == null) {
            throw first;
        }
    }
}
