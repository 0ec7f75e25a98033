package io.songnodes.platform.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent schema-registry REST API the platform relies on. Implemented over HTTP
 * for any Confluent-compatible registry (Confluent, Apicurio's ccompat API, Karapace, and the
 * platform's embedded one).
 */
public interface SchemaRegistryClient {

    /**
     * Registers the schema under the subject (or finds it there) and returns its global id.
     *
     * @throws IncompatibleSchemaException when the subject's compatibility rule refuses it
     */
    int register(String subject, Schema schema);

    /** The schema with this global id, as a consumer needs it to decode a record. */
    Schema schemaById(int id);

    /** Whether the subject's compatibility rule would accept the schema as its next version. */
    boolean isCompatible(String subject, Schema schema);

    /** Every subject the registry holds; also how a client checks that the registry answers. */
    java.util.List<String> subjects();

    /** Subject naming: {@code <topic>-key} / {@code <topic>-value} (Confluent's TopicNameStrategy). */
    static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
