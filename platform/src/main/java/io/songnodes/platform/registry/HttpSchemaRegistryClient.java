package io.songnodes.platform.registry;

import io.songnodes.platform.http.UrlEncoding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.songnodes.platform.config.ConfigException;
import io.songnodes.platform.config.SongNodesConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Talks the Confluent registry REST API over HTTP. Ids and schemas are immutable in a registry, so
 * both directions are cached for the life of the client: a serializer asks once per schema and
 * subject, a deserializer once per id.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record SubjectSchema(String subject, Schema schema) {
    }

    private final URI baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    /** A client for the registry at {@code baseUrl}, verified to answer; one that does not is a setting to fix. */
    public static HttpSchemaRegistryClient connect(URI baseUrl) {
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(baseUrl);
        try {
            client.subjects();
        } catch (SchemaRegistryException e) {
            throw new ConfigException(SongNodesConfig.SCHEMA_REGISTRY_URL, "registry did not answer: " + e.getMessage());
        }
        return client;
    }

    public HttpSchemaRegistryClient(URI baseUrl) {
        this(baseUrl, Duration.ofSeconds(10));
    }

    public HttpSchemaRegistryClient(URI baseUrl, Duration timeout) {
        String url = baseUrl.toString();
        this.baseUrl = URI.create(url.endsWith("/") ? url : url + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public int register(String subject, Schema schema) {
        return ids.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
            JsonNode answer = post("subjects/" + UrlEncoding.encode(subject) + "/versions", schemaBody(schema));
            int id = answer.path("id").asInt(-1);
            if (id < 0) {
                throw new SchemaRegistryException(200, -1, "registry answered without an id: " + answer);
            }
            schemas.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public Schema schemaById(int id) {
        return schemas.computeIfAbsent(id, key -> {
            JsonNode answer = send(HttpRequest.newBuilder(baseUrl.resolve("schemas/ids/" + key)).GET());
            return new Schema.Parser().parse(answer.path("schema").asText());
        });
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            JsonNode answer = post("compatibility/subjects/" + UrlEncoding.encode(subject) + "/versions/latest", schemaBody(schema));
            return answer.path("is_compatible").asBoolean(false);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == 40401) {
                return true; // no version yet: anything is compatible with nothing
            }
            throw e;
        }
    }

    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        send(HttpRequest.newBuilder(baseUrl.resolve("subjects")).GET()).forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private JsonNode post(String path, String body) {
        return send(HttpRequest.newBuilder(baseUrl.resolve(path))
                .header("Content-Type", MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(timeout).header("Accept", MEDIA_TYPE + ", application/json").build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SchemaRegistryException("schema registry at " + baseUrl + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while calling the schema registry", e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 == 2) {
            return body;
        }
        String message = body.path("message").asText(response.body());
        if (response.statusCode() == 409) {
            throw new IncompatibleSchemaException(message);
        }
        throw new SchemaRegistryException(response.statusCode(), body.path("error_code").asInt(response.statusCode()),
                built.method() + " " + built.uri().getPath() + " -> " + response.statusCode() + ": " + message);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", body);
        }
    }

}
