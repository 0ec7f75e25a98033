package io.songnodes.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.songnodes.platform.http.AdminToken;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.testkit.SharedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class EmbeddedSchemaRegistryIT {

    private static Schema play(String name, String extraFields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"it\",\"fields\":["
                + "{\"name\":\"title\",\"type\":\"string\"}" + extraFields + "]}");
    }

    private static String subject() {
        return "it." + UUID.randomUUID() + ".v1-value";
    }

    @Test
    void anIncompatibleChangeIsRefusedAndACompatibleOneBecomesTheNextVersion(SchemaRegistryClient registry) {
        String subject = subject();
        int v1 = registry.register(subject, play("Play", ""));

        Schema breaking = play("Play", ",{\"name\":\"label\",\"type\":\"string\"}");
        assertThat(registry.isCompatible(subject, breaking)).isFalse();
        assertThatThrownBy(() -> registry.register(subject, breaking))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE");

        Schema evolved = play("Play", ",{\"name\":\"label\",\"type\":[\"null\",\"string\"],\"default\":null}");
        assertThat(registry.isCompatible(subject, evolved)).isTrue();
        int v2 = registry.register(subject, evolved);
        assertThat(v2).isNotEqualTo(v1);
        assertThat(registry.register(subject, evolved)).as("registering again is idempotent").isEqualTo(v2);
    }

    @Test
    void schemasSurviveARegistryRestartAndAllInstancesAgree(KafkaConnection kafka, SchemaRegistryClient shared) {
        String subject = subject();
        Schema schema = play("Kept", "");
        int id;
        try (EmbeddedSchemaRegistry first = EmbeddedSchemaRegistry.start(kafka, "127.0.0.1", 0, AdminToken.none())) {
            id = first.client().register(subject, schema);
        }
        try (EmbeddedSchemaRegistry restarted = EmbeddedSchemaRegistry.start(kafka, "127.0.0.1", 0, AdminToken.none())) {
            SchemaRegistryClient client = restarted.client();
            assertThat(client.schemaById(id)).isEqualTo(schema);
            assertThat(client.register(subject, schema)).isEqualTo(id);
            assertThat(client.subjects()).contains(subject);
        }
        assertThat(new HttpSchemaRegistryClient(((HttpSchemaRegistryClient) shared).baseUrl()).schemaById(id))
                .as("the long-running instance sees the other's registration").isEqualTo(schema);
    }

    @Test
    void concurrentRegistrationsOnTwoInstancesGetDistinctIdsEveryoneAgreesOn(KafkaConnection kafka, EmbeddedSchemaRegistry a) {
        try (EmbeddedSchemaRegistry b = EmbeddedSchemaRegistry.start(kafka, "127.0.0.1", 0, AdminToken.none())) {
            List<Schema> schemas = List.of(play("A1", ""), play("A2", ""), play("A3", ""), play("A4", ""));
            List<CompletableFuture<Integer>> ids = new java.util.ArrayList<>();
            for (int i = 0; i < schemas.size(); i++) {
                SchemaRegistryClient instance = i % 2 == 0 ? a.client() : b.client();
                Schema schema = schemas.get(i);
                ids.add(CompletableFuture.supplyAsync(() -> instance.register(subject(), schema)));
            }
            List<Integer> assigned = ids.stream().map(CompletableFuture::join).toList();
            assertThat(assigned).doesNotHaveDuplicates();
            for (int i = 0; i < schemas.size(); i++) {
                assertThat(new HttpSchemaRegistryClient(a.url()).schemaById(assigned.get(i))).isEqualTo(schemas.get(i));
                assertThat(new HttpSchemaRegistryClient(b.url()).schemaById(assigned.get(i))).isEqualTo(schemas.get(i));
            }
        }
    }

    @Test
    void speaksTheConfluentRestApi(EmbeddedSchemaRegistry registry) throws Exception {
        String subject = subject();
        registry.client().register(subject, play("Rest", ""));
        HttpClient http = HttpClient.newHttpClient();
        URI base = registry.url();

        HttpResponse<String> latest = http.send(HttpRequest.newBuilder(base.resolve("/subjects/" + subject + "/versions/latest")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.headers().firstValue("Content-Type")).contains("application/vnd.schemaregistry.v1+json");
        assertThat(latest.body()).contains("\"subject\":\"" + subject + "\"", "\"version\":1");

        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(base.resolve("/subjects/nope-value/versions")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"error_code\":40401");

        HttpRequest.Builder setNone = HttpRequest.newBuilder(base.resolve("/config/" + subject))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"NONE\"}"));
        assertThat(http.send(setNone.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("no token").isEqualTo(401);
        assertThat(http.send(setNone.header("Authorization", "Bearer " + SharedKafka.ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        // With NONE the change the default rule refuses is accepted.
        assertThat(registry.client().register(subject, play("Rest", ",{\"name\":\"n\",\"type\":\"int\"}"))).isPositive();
        assertThat(Optional.of(http.send(HttpRequest.newBuilder(base.resolve("/subjects/" + subject + "/versions")).build(),
                HttpResponse.BodyHandlers.ofString()).body())).contains("[1,2]");
    }
}
