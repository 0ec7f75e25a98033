package io.songnodes.platform.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.songnodes.platform.http.HttpApi;
import io.songnodes.platform.http.HttpError;
import io.songnodes.platform.http.HttpRequest;
import io.songnodes.platform.http.HttpResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The subset of the Confluent schema-registry REST API that serializers, Kafka UI and the platform
 * use: register, look up by id, subjects and versions, compatibility checks and config. Changing
 * the compatibility config is an admin action and requires the admin token.
 */
final class SchemaRegistryRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEDIA_TYPE = HttpSchemaRegistryClient.MEDIA_TYPE;

    private final SchemaRegistryService registry;

    SchemaRegistryRoutes(SchemaRegistryService registry) {
        this.registry = registry;
    }

    void install(HttpApi api) {
        api.route("GET", "/", translated(r -> answer(Map.of())))
                .route("POST", "/subjects/{subject}/versions",
                        translated(r -> answer(Map.of("id", registry.register(r.pathParam("subject"), schemaOf(r))))))
                .route("GET", "/schemas/ids/{id}",
                        translated(r -> answer(Map.of("schema", registry.schemaById(id(r)).toString()))))
                .route("GET", "/schemas/ids/{id}/schema",
                        translated(r -> HttpResponse.text(200, MEDIA_TYPE, registry.schemaById(id(r)).toString())))
                .route("GET", "/subjects", translated(r -> answer(registry.subjects())))
                .route("GET", "/subjects/{subject}/versions", translated(r -> answer(
                        registry.versions(r.pathParam("subject")).stream().map(RegisteredSchema::version).toList())))
                .route("GET", "/subjects/{subject}/versions/{version}",
                        translated(r -> answer(describe(registry.version(r.pathParam("subject"), r.pathParam("version"))))))
                .route("POST", "/subjects/{subject}",
                        translated(r -> answer(describe(registry.lookup(r.pathParam("subject"), schemaOf(r))))))
                .route("POST", "/compatibility/subjects/{subject}/versions/{version}", translated(this::compatibility))
                .route("GET", "/config", translated(r -> answer(Map.of("compatibilityLevel", registry.globalLevel().name()))))
                .route("GET", "/config/{subject}", translated(this::subjectLevel))
                .adminRoute("PUT", "/config", translated(r -> setLevel(Optional.empty(), r)))
                .adminRoute("PUT", "/config/{subject}", translated(r -> setLevel(Optional.of(r.pathParam("subject")), r)));
    }

    /** Registry errors become HTTP errors with the registry's status and error code. */
    private static HttpApi.Handler translated(HttpApi.Handler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (SchemaRegistryException e) {
                throw new HttpError(e.status() > 0 ? e.status() : 500, e.errorCode() > 0 ? e.errorCode() : 50001, e.getMessage());
            }
        };
    }

    private HttpResponse subjectLevel(HttpRequest r) {
        String subject = r.pathParam("subject");
        CompatibilityLevel level = registry.subjectLevel(subject).orElseThrow(() -> new SchemaRegistryException(404, 40408,
                "Subject '" + subject + "' does not have subject-level compatibility configured"));
        return answer(Map.of("compatibilityLevel", level.name()));
    }

    private HttpResponse compatibility(HttpRequest r) throws IOException {
        String subject = r.pathParam("subject");
        List<String> violations;
        try {
            violations = registry.compatibilityViolations(subject, r.pathParam("version"), schemaOf(r));
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == 40401) {
                violations = List.of(); // nothing registered yet: anything is compatible
            } else {
                throw e;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("is_compatible", violations.isEmpty());
        if ("true".equals(r.queryParam("verbose").orElse(""))) {
            body.put("messages", violations);
        }
        return answer(body);
    }

    private HttpResponse setLevel(Optional<String> subject, HttpRequest r) throws IOException {
        String level = body(r).path("compatibility").asText(null);
        registry.setLevel(subject, level);
        return answer(Map.of("compatibility", level));
    }

    private static Map<String, Object> describe(RegisteredSchema s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", s.subject());
        body.put("version", s.version());
        body.put("id", s.id());
        body.put("schema", s.schema().toString());
        return body;
    }

    private static String schemaOf(HttpRequest r) throws IOException {
        JsonNode body = body(r);
        String schemaType = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(schemaType)) {
            throw new SchemaRegistryException(422, 42201, "Only AVRO schemas are supported, got " + schemaType);
        }
        return body.path("schema").asText(null);
    }

    private static JsonNode body(HttpRequest r) throws IOException {
        try {
            return JSON.readTree(r.body().length == 0 ? "{}".getBytes() : r.body());
        } catch (IOException e) {
            throw new HttpError(400, 400, "request body is not JSON: " + e.getMessage());
        }
    }

    private static int id(HttpRequest r) {
        try {
            return Integer.parseInt(r.pathParam("id"));
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("id", "not a number: " + r.pathParam("id"));
        }
    }

    private static HttpResponse answer(Object body) {
        return HttpResponse.json(200, body, MEDIA_TYPE);
    }
}
