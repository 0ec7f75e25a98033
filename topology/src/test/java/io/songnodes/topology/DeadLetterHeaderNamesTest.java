package io.songnodes.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.songnodes.platform.dlq.DeadLetterHeaders;
import io.songnodes.schemas.dlq.DeadLetter;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.junit.jupiter.api.Test;

/** Our dead letters and Kafka Streams' built-in ones (KIP-1034) must name the shared headers alike. */
class DeadLetterHeaderNamesTest {

    private static String header(String field) {
        return DeadLetterHeaders.headerName(DeadLetter.getClassSchema().getField(field));
    }

    @Test
    void theKip1034HeadersHaveKafkasNames() {
        assertThat(header("exception_class")).isEqualTo(ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_NAME);
        assertThat(header("exception_message")).isEqualTo(ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_MESSAGE_NAME);
        assertThat(header("stack_trace")).isEqualTo(ExceptionHandlerUtils.HEADER_ERRORS_STACKTRACE_NAME);
        assertThat(header("source_topic")).isEqualTo(ExceptionHandlerUtils.HEADER_ERRORS_TOPIC_NAME);
        assertThat(header("source_partition")).isEqualTo(ExceptionHandlerUtils.HEADER_ERRORS_PARTITION_NAME);
        assertThat(header("source_offset")).isEqualTo(ExceptionHandlerUtils.HEADER_ERRORS_OFFSET_NAME);
    }
}
