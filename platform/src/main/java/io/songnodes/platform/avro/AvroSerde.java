package io.songnodes.platform.avro;

import io.songnodes.platform.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for generated Avro classes in the Confluent wire format. The serializer registers the
 * class's schema under {@code <topic>-value} (or {@code -key}) and frames the record with the id;
 * the deserializer fetches the writer's schema by id and resolves it against the class's schema,
 * so records written with an older schema version are read with the current one.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    /** Generic decoding that still turns timestamps and dates into java.time values. */
    private static final GenericData GENERIC_WITH_LOGICAL_TYPES = new GenericData();

    static {
        GENERIC_WITH_LOGICAL_TYPES.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        GENERIC_WITH_LOGICAL_TYPES.addLogicalTypeConversion(new TimeConversions.DateConversion());
    }

    private final SchemaRegistryClient registry;
    private final Schema readerSchema;
    private final boolean isKey;
    private final SpecificDatumWriter<T> writer;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    private AvroSerde(SchemaRegistryClient registry, Schema readerSchema, boolean isKey) {
        this.registry = registry;
        this.readerSchema = readerSchema;
        this.isKey = isKey;
        this.writer = new SpecificDatumWriter<>(readerSchema);
    }

    public static <T extends SpecificRecord> AvroSerde<T> forValues(Class<T> type, SchemaRegistryClient registry) {
        return new AvroSerde<>(registry, SpecificData.get().getSchema(type), false);
    }

    public static <T extends SpecificRecord> AvroSerde<T> forKeys(Class<T> type, SchemaRegistryClient registry) {
        return new AvroSerde<>(registry, SpecificData.get().getSchema(type), true);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, record) -> {
            if (record == null) {
                return null; // a tombstone stays a tombstone
            }
            int id = registry.register(SchemaRegistryClient.subject(topic, isKey), readerSchema);
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream(256);
                BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
                writer.write(record, encoder);
                encoder.flush();
                return ConfluentWireFormat.frame(id, out.toByteArray());
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot encode " + readerSchema.getFullName() + " for " + topic + ": " + e.getMessage(), e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ConfluentWireFormat.Framed framed = ConfluentWireFormat.unframe(bytes);
            DatumReader<T> reader = readers.computeIfAbsent(framed.schemaId(),
                    id -> new SpecificDatumReader<>(registry.schemaById(id), readerSchema));
            return decode(reader, framed.payload(), topic);
        };
    }

    /**
     * Decodes any Confluent-framed record with nothing but the registry and the bytes, the way a
     * consumer that has none of the project's classes (Kafka UI, a script) reads a topic.
     */
    public static GenericRecord decodeGeneric(byte[] bytes, SchemaRegistryClient registry) {
        ConfluentWireFormat.Framed framed = ConfluentWireFormat.unframe(bytes);
        Schema writer = registry.schemaById(framed.schemaId());
        return decode(new GenericDatumReader<>(writer, writer, GENERIC_WITH_LOGICAL_TYPES), framed.payload(), "(generic)");
    }

    private static <R> R decode(DatumReader<R> reader, ByteBuffer payload, String topic) {
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(payload.array(),
                    payload.arrayOffset() + payload.position(), payload.remaining(), null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode Avro from " + topic + ": " + e, e);
        }
    }
}
