package io.songnodes.platform.dlq;

import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.kafka.TopicReader;
import io.songnodes.schemas.dlq.DeadLetter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A dead-letter topic as an operator sees it: what is in it (counts by category, expectation,
 * source and age), which letters match a filter, and a replay that puts the original bytes back on
 * their original topic without the error headers and with the replay counter raised.
 */
public final class DeadLetterQueue {

    /** Which letters a command is about; empty parts match everything. */
    public record Filter(Optional<String> expectation, Optional<String> source, Optional<Instant> since) {
        public static Filter all() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty());
        }

        boolean matches(Letter letter) {
            DeadLetter why = letter.why();
            return expectation.map(e -> e.equals(why.getExpectation())).orElse(true)
                    && source.map(s -> s.equals(why.getRecordSource())).orElse(true)
                    && since.map(t -> !letter.at().isBefore(t)).orElse(true);
        }
    }

    /** One dead letter: where it sits, why it is there, and its original bytes. */
    public record Letter(int partition, long offset, Instant at, DeadLetter why, byte[] key, byte[] value,
                         org.apache.kafka.common.header.Headers headers) {
    }

    /** Counts of the letters, by category, expectation, source and age. */
    public record Stats(int total, Map<String, Integer> byCategory, Map<String, Integer> byExpectation, Map<String, Integer> bySource,
                        Map<String, Integer> byAge) {
    }

    private final KafkaConnection kafka;
    private final String topic;

    public DeadLetterQueue(KafkaConnection kafka, String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    /** Every letter now in the topic that matches, oldest first per partition. */
    public List<Letter> list(Filter filter) {
        List<Letter> letters = new ArrayList<>();
        TopicReader.readToEnd(kafka, topic, new ByteArrayDeserializer(), new ByteArrayDeserializer(), Duration.ofSeconds(60), r -> {
            Letter letter = new Letter(r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), DeadLetterHeaders.read(r.headers()),
                    r.key(), r.value(), r.headers());
            if (filter.matches(letter)) {
                letters.add(letter);
            }
        });
        return letters;
    }

    public Stats stats(Instant now) {
        List<Letter> letters = list(Filter.all());
        Map<String, Integer> byCategory = new TreeMap<>();
        Map<String, Integer> byExpectation = new TreeMap<>();
        Map<String, Integer> bySource = new TreeMap<>();
        Map<String, Integer> byAge = new TreeMap<>();
        for (Letter letter : letters) {
            byCategory.merge(letter.why().getCategory().name(), 1, Integer::sum);
            byExpectation.merge(Optional.ofNullable(letter.why().getExpectation()).orElse("-"), 1, Integer::sum);
            bySource.merge(Optional.ofNullable(letter.why().getRecordSource()).orElse("-"), 1, Integer::sum);
            byAge.merge(ageBucket(Duration.between(letter.at(), now)), 1, Integer::sum);
        }
        return new Stats(letters.size(), byCategory, byExpectation, bySource, byAge);
    }

    private static String ageBucket(Duration age) {
        if (age.compareTo(Duration.ofHours(1)) < 0) {
            return "1. < 1h";
        }
        if (age.compareTo(Duration.ofDays(1)) < 0) {
            return "2. < 1d";
        }
        return age.compareTo(Duration.ofDays(7)) < 0 ? "3. < 7d" : "4. >= 7d";
    }

    /**
     * Republishes each matching letter's original key and value to the topic it came from, without
     * the error headers and with {@code songnodes.replay.count} raised; at most {@code perSecond}
     * records a second (0: as fast as the broker takes them). Nothing is sent when {@code dryRun}.
     *
     * @return the letters replayed (or that would be)
     */
    public List<Letter> replay(Filter filter, boolean dryRun, int perSecond, Consumer<Letter> progress) throws InterruptedException {
        List<Letter> letters = list(filter).stream().filter(l -> l.why().getSourceTopic() != null).toList();
        if (dryRun) {
            letters.forEach(progress);
            return letters;
        }
        long spacingNanos = perSecond <= 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / perSecond;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerProperties(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            long next = System.nanoTime();
            for (Letter letter : letters) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                next = System.nanoTime() + spacingNanos;
                RecordHeaders headers = new RecordHeaders();
                letter.headers().forEach(headers::add);
                DeadLetterHeaders.stripErrors(headers);
                DeadLetter count = DeadLetter.newBuilder().setReplayCount(letter.why().getReplayCount() + 1).build();
                DeadLetterHeaders.write(count, headers);
                DeadLetterHeaders.stripErrors(headers); // write() set the defaults of the error fields too
                producer.send(new ProducerRecord<>(letter.why().getSourceTopic(), null, letter.key(), letter.value(), headers))
                        .get(30, TimeUnit.SECONDS);
                progress.accept(letter);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("replay from " + topic + " failed: " + e.getMessage(), e);
        }
        return letters;
    }
}
