package io.songnodes.platform.dlq;

import io.songnodes.schemas.dlq.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Writes and reads the reason a record was dead-lettered as Kafka headers, one per field of
 * {@code DeadLetter.avsc} under the name in the field's {@code header} property. Values are UTF-8
 * text (numbers in decimal, as Kafka Streams' own dead-letter queue writes them), so a record's
 * key and value bytes stay exactly as they were and any tool can read why it failed.
 */
public final class DeadLetterHeaders {

    /** Prefix of the error headers a replay strips; the replay counter lives outside it. */
    public static final String ERROR_HEADER_PREFIX = "__streams.errors.";

    private static final List<Schema.Field> FIELDS = DeadLetter.getClassSchema().getFields();

    private DeadLetterHeaders() {
    }

    public static String headerName(Schema.Field field) {
        Object name = field.getObjectProp("header");
        if (name == null) {
            throw new IllegalStateException("DeadLetter." + field.name() + " declares no header name");
        }
        return name.toString();
    }

    /** Sets every non-null field as a header, replacing an older header of the same name. */
    public static Headers write(DeadLetter letter, Headers headers) {
        for (Schema.Field field : FIELDS) {
            Object value = letter.get(field.pos());
            String name = headerName(field);
            headers.remove(name);
            if (value != null) {
                String text = value instanceof Instant instant ? Long.toString(instant.toEpochMilli()) : value.toString();
                headers.add(name, text.getBytes(StandardCharsets.UTF_8));
            }
        }
        return headers;
    }

    /**
     * Reads the fields back; absent headers keep the schema's defaults.
     *
     * @throws IllegalArgumentException naming the header whose value cannot be read
     */
    public static DeadLetter read(Headers headers) {
        DeadLetter letter = DeadLetter.newBuilder().build();
        for (Schema.Field field : FIELDS) {
            Header header = headers.lastHeader(headerName(field));
            if (header != null && header.value() != null) {
                letter.put(field.pos(), parse(field, new String(header.value(), StandardCharsets.UTF_8)));
            }
        }
        return letter;
    }

    /** How many times the record was replayed from a dead-letter topic: 0 when never, or when unreadable. */
    public static int replayCount(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(headerName(DeadLetter.getClassSchema().getField("replay_count")));
        if (header == null || header.value() == null) {
            return 0;
        }
        try {
            return Integer.parseInt(new String(header.value(), StandardCharsets.UTF_8).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Removes the error headers before a replay, keeping every other header (and the replay counter). */
    public static Headers stripErrors(Headers headers) {
        for (Schema.Field field : FIELDS) {
            String name = headerName(field);
            if (name.startsWith(ERROR_HEADER_PREFIX)) {
                headers.remove(name);
            }
        }
        return headers;
    }

    private static Object parse(Schema.Field field, String text) {
        Schema schema = nonNull(field.schema());
        try {
            return switch (schema.getType()) {
                case STRING -> text;
                case INT -> Integer.parseInt(text.strip());
                case LONG -> schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
                        ? Instant.ofEpochMilli(Long.parseLong(text.strip()))
                        : Long.parseLong(text.strip());
                case ENUM -> enumSymbol(field, schema, text.strip());
                default -> throw new IllegalStateException("DeadLetter." + field.name() + " has unsupported type " + schema.getType());
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dead-letter header " + headerName(field) + " is not a number: " + text, e);
        }
    }

    private static Object enumSymbol(Schema.Field field, Schema schema, String symbol) {
        String known = schema.hasEnumSymbol(symbol) ? symbol : schema.getEnumDefault();
        if (known == null) {
            throw new IllegalArgumentException("dead-letter header " + headerName(field) + " has unknown value " + symbol);
        }
        return io.songnodes.schemas.dlq.DeadLetterCategory.valueOf(known);
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
    }
}
