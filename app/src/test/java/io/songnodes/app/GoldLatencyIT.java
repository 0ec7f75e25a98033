package io.songnodes.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.songnodes.platform.Platform;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.EmbeddedSchemaRegistry;
import io.songnodes.platform.testkit.SharedKafka;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.bronze.RawTrackRow;
import io.songnodes.schemas.bronze.ScrapeOutcome;
import io.songnodes.schemas.gold.Track;
import io.songnodes.topology.StreamsApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long a Bronze event takes to change Gold, measured on the real broker with exactly-once on:
 * one new playlist at a time, from the Bronze send to the committed Silver playlist (the baseline
 * of the same run) and to the committed Gold track. Prints the figures recorded in docs/benchmarks.md.
 */
@ExtendWith(SharedKafka.class)
class GoldLatencyIT {

    private static final int EVENTS = 20;

    @TempDir
    Path stateDir;

    @Test
    void measuresBronzeToSilverAndBronzeToGold(KafkaConnection kafka, EmbeddedSchemaRegistry registry) throws Exception {
        String run = "lat-" + UUID.randomUUID().toString().substring(0, 8);
        SongNodesConfig config = SongNodesConfig.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", registry.url().toString(), "SONGNODES_STREAMS_APPLICATION_ID", run,
                "SONGNODES_STREAMS_STATE_DIR", stateDir.toString(), "SONGNODES_HTTP_PORT", "0"));
        List<Long> toSilver = new ArrayList<>();
        List<Long> toGold = new ArrayList<>();
        try (Platform platform = Platform.start(config, line -> { });
             KafkaProducer<String, BronzePlaylist> producer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                     Topics.BRONZE_PLAYLISTS.valueSerde(registry.client()).serializer());
             KafkaConsumer<String, byte[]> silver = atEnd(kafka, Topics.SILVER_PLAYLISTS.name());
             KafkaConsumer<String, byte[]> gold = atEnd(kafka, Topics.GOLD_TRACKS.name())) {
            StreamsApp silverApp = Silver.start(platform, config);
            StreamsApp goldApp = Gold.start(platform, config);
            await().atMost(Duration.ofSeconds(60)).until(() -> silverApp.state() == KafkaStreams.State.RUNNING
                    && goldApp.state() == KafkaStreams.State.RUNNING);
            var tracks = Topics.GOLD_TRACKS.valueSerde(registry.client()).deserializer();
            for (int i = 0; i < EVENTS; i++) {
                String id = run + "-" + i;
                String title = "Latency " + id;
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(Topics.BRONZE_PLAYLISTS.name(), "mixesdb:" + id, bronze(id, title))).get();
                Map<String, Long> arrived = new HashMap<>();
                await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
                    for (ConsumerRecord<String, byte[]> r : silver.poll(Duration.ofMillis(5))) {
                        if (r.key().equals("mixesdb:" + id)) {
                            arrived.putIfAbsent("silver", System.nanoTime());
                        }
                    }
                    for (ConsumerRecord<String, byte[]> r : gold.poll(Duration.ofMillis(5))) {
                        Track track = r.value() == null ? null : tracks.deserialize(r.topic(), r.value());
                        if (track != null && title.equals(track.getTitle())) {
                            arrived.putIfAbsent("gold", System.nanoTime());
                        }
                    }
                    return arrived.size() == 2;
                });
                toSilver.add((arrived.get("silver") - sent) / 1_000_000);
                toGold.add((arrived.get("gold") - sent) / 1_000_000);
            }
        }
        long silverMedian = median(toSilver);
        long goldMedian = median(toGold);
        System.out.printf("GoldLatencyIT: %d Bronze events, one at a time, exactly-once, read_committed:%n", EVENTS);
        System.out.printf("  Bronze -> Silver playlist: median %d ms, p90 %d ms, max %d ms%n", silverMedian, percentile(toSilver, 90), max(toSilver));
        System.out.printf("  Bronze -> Gold track:      median %d ms, p90 %d ms, max %d ms%n", goldMedian, percentile(toGold, 90), max(toGold));
        System.out.printf("  Gold / Silver median ratio: %.2f%n", (double) goldMedian / Math.max(1, silverMedian));
        assertThat(toGold).hasSize(EVENTS);
        IntStream.range(0, EVENTS).forEach(i -> assertThat(toGold.get(i)).as("Gold comes after Silver").isGreaterThanOrEqualTo(toSilver.get(i)));
    }

    private static BronzePlaylist bronze(String id, String title) {
        List<RawTrackRow> rows = List.of(
                RawTrackRow.newBuilder().setPosition(1).setRawText("Trevino - Sombre Tones").build(),
                RawTrackRow.newBuilder().setPosition(2).setRawText("Latency Artist - " + title).build(),
                RawTrackRow.newBuilder().setPosition(3).setRawText("Skee Mask - Rev8617").build());
        return BronzePlaylist.newBuilder().setSource("mixesdb").setUrl("https://www.mixesdb.com/w/" + id).setSourcePlaylistId(id)
                .setTracks(rows).setContentSha256("sha-" + id).setHttpStatus(200).setFetchedAt(Instant.now())
                .setParserVersion("mixesdb-page/1.0").setOutcome(ScrapeOutcome.OK).build();
    }

    /** A read_committed consumer of every partition, positioned at the end, so only what this test causes is seen. */
    private static KafkaConsumer<String, byte[]> atEnd(KafkaConnection kafka, String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.readerProperties(), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static long median(List<Long> values) {
        return percentile(values, 50);
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElseThrow();
    }
}
