package io.songnodes.topology;

import io.songnodes.platform.dlq.DeadLetters;
import io.songnodes.schemas.dlq.DeadLetterCategory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dead-letter handler per error kind, for what escapes a topology's own checks: the source
 * record's raw bytes go to the topology's dead-letter topic with the reason in headers
 * (the KIP-1034 names, plus category, application id and processor), and processing goes on.
 */
public final class DeadLetterHandlers {

    /** Streams property naming the dead-letter topic of the topology. */
    public static final String DEAD_LETTER_TOPIC = "songnodes.dead.letter.topic";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandlers.class);

    private DeadLetterHandlers() {
    }

    private static ProducerRecord<byte[], byte[]> letter(String topic, String applicationId, DeadLetterCategory category,
                                                         ErrorHandlerContext context, Exception error) {
        log.warn("{} error in {} at {}-{}@{}, record sent to {}: {}", category, context.processorNodeId(), context.topic(),
                context.partition(), context.offset(), topic, error.toString());
        return DeadLetters.record(topic, context.sourceRawKey(), context.sourceRawValue(), context.headers(),
                DeadLetters.reason(category, error, context.topic(), context.partition(), context.offset(), applicationId,
                        context.processorNodeId(), Instant.now()).build());
    }

    /** Where letters go and whose they are, from the Streams configuration. */
    private abstract static class Configured {
        String topic;
        String applicationId;

        public void configure(Map<String, ?> configs) {
            topic = String.valueOf(configs.get(DEAD_LETTER_TOPIC));
            applicationId = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
        }
    }

    /** An exception thrown by a processor. */
    public static final class Processing extends Configured implements ProcessingExceptionHandler {
        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            return Response.resume(List.of(letter(topic, applicationId, DeadLetterCategory.PROCESSING, context, exception)));
        }
    }

    /** A record that could not be serialized or written (too large, invalid); transient broker errors are retried. */
    public static final class Production extends Configured implements ProductionExceptionHandler {
        @Override
        public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
            if (exception instanceof RetriableException) {
                return Response.retry();
            }
            return Response.resume(List.of(letter(topic, applicationId, DeadLetterCategory.PRODUCTION, context, exception)));
        }

        @Override
        public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                                 SerializationExceptionOrigin origin) {
            return Response.resume(List.of(letter(topic, applicationId, DeadLetterCategory.PRODUCTION, context, exception)));
        }
    }
}
