package io.songnodes.platform.topics;

import io.songnodes.platform.avro.AvroSerde;
import io.songnodes.platform.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** How a topic's keys or values look on the wire, and the serde that reads and writes them. */
public interface Wire<T> {

    /** Short description for {@code topics list}, e.g. {@code avro:BronzePlaylist}. */
    String format();

    Serde<T> serde(SchemaRegistryClient registry, boolean isKey);

    static Wire<String> string() {
        return simple("string", Serdes.String());
    }

    static Wire<Long> longs() {
        return simple("long", Serdes.Long());
    }

    /** Raw bytes kept unchanged, e.g. a dead letter's original record. {@code format} says what the bytes hold. */
    static Wire<byte[]> bytes(String format) {
        return simple(format, Serdes.ByteArray());
    }

    static <T extends SpecificRecord> Wire<T> avro(Class<T> type) {
        return new Wire<>() {
            @Override
            public String format() {
                return "avro:" + type.getSimpleName();
            }

            @Override
            public Serde<T> serde(SchemaRegistryClient registry, boolean isKey) {
                return isKey ? AvroSerde.forKeys(type, registry) : AvroSerde.forValues(type, registry);
            }
        };
    }

    private static <T> Wire<T> simple(String format, Serde<T> serde) {
        return new Wire<>() {
            @Override
            public String format() {
                return format;
            }

            @Override
            public Serde<T> serde(SchemaRegistryClient registry, boolean isKey) {
                return serde;
            }
        };
    }
}
