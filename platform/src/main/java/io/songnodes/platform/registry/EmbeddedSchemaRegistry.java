package io.songnodes.platform.registry;

import io.songnodes.platform.http.AdminToken;
import io.songnodes.platform.http.HttpApi;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.topics.TopicAdmin;
import io.songnodes.platform.topics.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/**
 * A Confluent-compatible schema registry inside the platform: the REST subset of
 * {@link SchemaRegistryRoutes} over a {@link RegistryState} kept in the compacted {@code _schemas}
 * topic, so it survives restarts and several instances on one cluster agree.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private final SchemaLog log;
    private final SchemaRegistryService service;
    private final HttpApi api;

    private EmbeddedSchemaRegistry(SchemaLog log, SchemaRegistryService service, HttpApi api) {
        this.log = log;
        this.service = service;
        this.api = api;
    }

    /** Creates {@code _schemas} if needed, replays it, and starts serving on host:port (0 = any free port). */
    public static EmbeddedSchemaRegistry start(KafkaConnection kafka, String host, int port, AdminToken adminToken) {
        try (Admin admin = kafka.admin()) {
            new TopicAdmin(admin).apply(List.of(Topics.SCHEMAS));
        }
        RegistryState state = new RegistryState();
        SchemaLog log = new SchemaLog(kafka, state, Duration.ofSeconds(30));
        try {
            log.catchUp();
            SchemaRegistryService service = new SchemaRegistryService(state, log);
            HttpApi api = HttpApi.start("schema-registry", host, port, 4, adminToken);
            new SchemaRegistryRoutes(service).install(api);
            return new EmbeddedSchemaRegistry(log, service, api);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    public URI url() {
        return URI.create(api.baseUrl());
    }

    /** A client of this registry, as any other process would use it. */
    public SchemaRegistryClient client() {
        return new HttpSchemaRegistryClient(url());
    }

    public boolean isHealthy() {
        return service.isHealthy();
    }

    @Override
    public void close() {
        api.close();
        log.close();
    }
}
