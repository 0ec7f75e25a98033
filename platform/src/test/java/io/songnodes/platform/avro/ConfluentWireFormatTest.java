package io.songnodes.platform.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {

    @Test
    void framesWithMagicByteAndBigEndianId() {
        byte[] framed = ConfluentWireFormat.frame(0x01020304, new byte[] {42, 43});
        assertThat(framed).containsExactly(0, 1, 2, 3, 4, 42, 43);
        ConfluentWireFormat.Framed back = ConfluentWireFormat.unframe(framed);
        assertThat(back.schemaId()).isEqualTo(0x01020304);
        assertThat(back.payload().remaining()).isEqualTo(2);
        assertThat(back.payload().get()).isEqualTo((byte) 42);
    }

    @Test
    void rejectsBytesThatAreNotFramedAvro() {
        assertThatThrownBy(() -> ConfluentWireFormat.unframe("{\"json\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte");
        assertThatThrownBy(() -> ConfluentWireFormat.unframe(new byte[] {0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("2 bytes");
    }
}
