package io.songnodes.topology;

import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.kafka.KafkaConnection;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The settings every SongNodes topology runs with: exactly-once v2, every internal topic and store
 * named explicitly (so a topology change never silently renames a changelog), the platform's Kafka
 * client properties, and an application id derived from the platform's prefix and the topology's name.
 */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    /** The settings, with unhandled processing and production errors sent to the topology's dead-letter topic. */
    public static Properties forTopology(String topologyName, SongNodesConfig config, KafkaConnection kafka, String deadLetterTopic) {
        Properties props = forTopology(topologyName, config, kafka);
        props.put(DeadLetterHandlers.DEAD_LETTER_TOPIC, deadLetterTopic);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Processing.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Production.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return props;
    }

    public static Properties forTopology(String topologyName, SongNodesConfig config, KafkaConnection kafka) {
        Properties props = new Properties();
        props.putAll(kafka.clientProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(topologyName, config));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.string("songnodes.streams.state.dir"));
        // The broker's default, so one node and a production cluster both work unchanged.
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        return props;
    }

    public static String applicationId(String topologyName, SongNodesConfig config) {
        return config.string("songnodes.streams.application.id") + "-" + topologyName;
    }
}
