package io.songnodes.platform.dlq;

import io.songnodes.schemas.dlq.DeadLetter;
import io.songnodes.schemas.dlq.DeadLetterCategory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/** Builds dead-letter records: the original key and value bytes unchanged, the reason in headers. */
public final class DeadLetters {

    /** Stack traces are capped: the reason, not a wall of frames, is what a reader needs. */
    static final int MAX_STACK_TRACE_CHARS = 4000;

    private DeadLetters() {
    }

    /** Why a record failed, from the exception and where the record came from. */
    public static DeadLetter.Builder reason(DeadLetterCategory category, Exception error, String topic, int partition, long offset,
                                            String applicationId, String processor, Instant at) {
        return DeadLetter.newBuilder()
                .setCategory(category)
                .setExceptionClass(error == null ? null : error.getClass().getName())
                .setExceptionMessage(error == null ? null : String.valueOf(error.getMessage()))
                .setStackTrace(error == null ? null : stackTrace(error))
                .setSourceTopic(topic).setSourcePartition(partition).setSourceOffset(offset)
                .setApplicationId(applicationId).setProcessor(processor)
                .setFailedAt(at);
    }

    /** The dead letter for a record: its bytes as they were, its headers kept, the reason added. */
    public static ProducerRecord<byte[], byte[]> record(String deadLetterTopic, byte[] key, byte[] value, Headers original, DeadLetter why) {
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(deadLetterTopic, key, value);
        if (original != null) {
            original.forEach(h -> letter.headers().add(h));
        }
        // A replayed record that fails again keeps its count, so a letter replayed in a loop shows it.
        why.setReplayCount(Math.max(why.getReplayCount(), DeadLetterHeaders.replayCount(original)));
        DeadLetterHeaders.write(why, letter.headers());
        return letter;
    }

    static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String text = trace.toString();
        return text.length() <= MAX_STACK_TRACE_CHARS ? text : text.substring(0, MAX_STACK_TRACE_CHARS) + "\n\t... (truncated)";
    }
}
