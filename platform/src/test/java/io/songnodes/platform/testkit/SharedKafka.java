package io.songnodes.platform.testkit;

import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.http.AdminToken;
import io.songnodes.platform.kafka.EmbeddedKafkaBroker;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.EmbeddedSchemaRegistry;
import io.songnodes.platform.registry.SchemaRegistryClient;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real Kafka broker (and one embedded schema registry on it) per test JVM, shared by every
 * test class that uses this extension and closed when the whole run ends. Inject
 * {@link KafkaConnection}, {@link SchemaRegistryClient} or {@link EmbeddedSchemaRegistry}.
 * Tests share the cluster, so each names its own topics and groups.
 */
public final class SharedKafka implements ParameterResolver {

    /** Held in the root store so JUnit closes it once, after the last test class. */
    private record Cluster(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry) implements AutoCloseable {
        static Cluster start() {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
            try {
                return new Cluster(broker, EmbeddedSchemaRegistry.start(connection(broker), "127.0.0.1", 0,
                        AdminToken.of(java.util.Optional.of(ADMIN_TOKEN))));
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                registry.close();
            } finally {
                broker.close();
            }
        }
    }

    /** The admin token the shared registry accepts. */
    public static final String ADMIN_TOKEN = "test-admin-token";

    private static KafkaConnection connection(EmbeddedKafkaBroker broker) {
        return KafkaConnection.of(SongNodesConfig.from(Map.of()), broker.bootstrapServers());
    }

    private static Cluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Cluster.class, key -> Cluster.start(), Cluster.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KafkaConnection.class || type == SchemaRegistryClient.class || type == EmbeddedSchemaRegistry.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Cluster cluster = cluster(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == KafkaConnection.class) {
            return connection(cluster.broker());
        }
        if (type == EmbeddedSchemaRegistry.class) {
            return cluster.registry();
        }
        return cluster.registry().client();
    }
}
