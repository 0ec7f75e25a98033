package io.songnodes.platform.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.songnodes.schemas.dlq.DeadLetter;
import io.songnodes.schemas.dlq.DeadLetterCategory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {

    private static DeadLetter letter() {
        return DeadLetter.newBuilder()
                .setExceptionClass("org.apache.kafka.common.errors.SerializationException")
                .setExceptionMessage("not Confluent-framed Avro: magic byte 123")
                .setStackTrace("at ...")
                .setSourceTopic("bronze.playlists.v1").setSourcePartition(2).setSourceOffset(41L)
                .setApplicationId("songnodes-silver").setProcessor("parse-playlist")
                .setCategory(DeadLetterCategory.DESERIALIZATION)
                .setFailedAt(Instant.ofEpochMilli(1_764_000_000_000L))
                .build();
    }

    @Test
    void roundTripsEveryFieldAsTextHeaders() {
        RecordHeaders headers = new RecordHeaders();
        DeadLetterHeaders.write(letter(), headers);
        assertThat(new String(headers.lastHeader("__streams.errors.partition").value(), StandardCharsets.UTF_8)).isEqualTo("2");
        assertThat(new String(headers.lastHeader("__streams.errors.offset").value(), StandardCharsets.UTF_8)).isEqualTo("41");
        assertThat(headers.lastHeader("__streams.errors.expectation")).as("null fields are not written").isNull();
        assertThat(DeadLetterHeaders.read(headers)).isEqualTo(letter());
    }

    @Test
    void aReplayStripsTheErrorHeadersButKeepsItsCounterAndForeignHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));
        DeadLetter replayed = letter();
        replayed.setReplayCount(2);
        DeadLetterHeaders.write(replayed, headers);
        DeadLetterHeaders.stripErrors(headers);
        assertThat(headers.toArray()).extracting(h -> h.key()).containsExactlyInAnyOrder("traceparent", "songnodes.replay.count");
        assertThat(DeadLetterHeaders.read(headers).getReplayCount()).isEqualTo(2);
    }

    @Test
    void unknownCategoriesFallBackAndGarbledNumbersAreNamed() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("__streams.errors.category", "FROM_THE_FUTURE".getBytes(StandardCharsets.UTF_8));
        assertThat(DeadLetterHeaders.read(headers).getCategory()).isEqualTo(DeadLetterCategory.UNKNOWN);
        headers.add("__streams.errors.offset", "forty".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DeadLetterHeaders.read(headers)).hasMessageContaining("__streams.errors.offset");
    }
}
