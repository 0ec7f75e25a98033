package io.songnodes.platform.avro;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The framing every Confluent-compatible consumer expects: magic byte {@code 0}, the schema's
 * registry id as a 4-byte big-endian int, then the Avro binary encoding of the value.
 */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_LENGTH = 5;

    private ConfluentWireFormat() {
    }

    /** A framed record taken apart: the writer schema's id and the Avro payload. */
    public record Framed(int schemaId, ByteBuffer payload) {
    }

    public static byte[] frame(int schemaId, byte[] avroPayload) {
        return ByteBuffer.allocate(HEADER_LENGTH + avroPayload.length)
                .put(MAGIC_BYTE)
                .putInt(schemaId)
                .put(avroPayload)
                .array();
    }

    /** @throws SerializationException when the bytes are not in this format (a poison pill) */
    public static Framed unframe(byte[] bytes) {
        if (bytes.length < HEADER_LENGTH) {
            throw new SerializationException("not Confluent-framed Avro: " + bytes.length + " bytes, need at least " + HEADER_LENGTH);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte magic = buffer.get();
        if (magic != MAGIC_BYTE) {
            throw new SerializationException("not Confluent-framed Avro: magic byte " + magic + ", expected " + MAGIC_BYTE);
        }
        int schemaId = buffer.getInt();
        return new Framed(schemaId, buffer.slice());
    }
}
