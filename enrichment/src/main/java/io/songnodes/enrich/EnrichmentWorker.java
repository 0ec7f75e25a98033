package io.songnodes.enrich;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.songnodes.platform.dlq.DeadLetters;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.dlq.DeadLetterCategory;
import io.songnodes.schemas.enrichment.EnrichmentRequest;
import io.songnodes.schemas.enrichment.EnrichmentResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enriches the requests of {@code enrichment.requests.v1} and its retry topics. Provider calls run
 * on a bounded pool, off the consumer's thread: while a batch is out the consumer's partitions are
 * paused and it keeps polling, so however slow a provider is the worker never exceeds
 * {@code max.poll.interval.ms}. Each batch's results, retries and dead letters are committed with
 * its offsets in one transaction. A retry waits on its topic until due (the partition is paused
 * until then); after the last stage the request is dead-lettered, replayable with {@code dlq replay}.
 */
public final class EnrichmentWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EnrichmentWorker.class);
    static final String PROCESSOR = "enrichment-worker";

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Serde<EnrichmentRequest> requests;
    private final Serde<EnrichmentResult> results;
    private final Waterfall waterfall;
    private final List<Duration> retryDelays;
    private final ExecutorService pool;
    private final Clock clock;
    private final String groupId;
    private final Map<TopicPartition, Instant> waitingUntil = new HashMap<>();
    private final Map<String, Counter> outcomes = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;
    /** Set by the rebalance listener, which runs on the polling thread. */
    private boolean rebalancedDuringBatch;

    private EnrichmentWorker(KafkaConnection kafka, SchemaRegistryClient registry, Waterfall waterfall, List<Duration> retryDelays,
                             int concurrency, String groupId, MeterRegistry meters, Clock clock) {
        if (retryDelays.size() != Topics.ENRICHMENT_RETRIES.size()) {
            throw new IllegalArgumentException("one retry delay per retry topic (" + Topics.ENRICHMENT_RETRIES.size() + "), got " + retryDelays);
        }
        this.waterfall = waterfall;
        this.retryDelays = List.copyOf(retryDelays);
        this.clock = clock;
        this.groupId = groupId;
        this.requests = Topics.ENRICHMENT_REQUESTS.valueSerde(registry);
        this.results = Topics.ENRICHMENT_RESULTS.valueSerde(registry);
        Map<String, Object> consumerProps = kafka.consumerProperties(groupId);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, concurrency * 4);
        this.consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> producerProps = kafka.producerProperties();
        // Unique per instance: fencing of a zombie is by the consumer group's generation (KIP-447).
        producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, groupId + "-" + UUID.randomUUID());
        this.producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
        this.pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "enrichment-call");
            t.setDaemon(true);
            return t;
        });
        for (String outcome : List.of("enriched", "retried", "dead_lettered")) {
            outcomes.put(outcome, Counter.builder("songnodes_enrichment_requests").tag("outcome", outcome).register(meters));
        }
        this.thread = new Thread(this::run, "enrichment-worker");
        this.thread.setDaemon(true);
    }

    public static EnrichmentWorker start(KafkaConnection kafka, SchemaRegistryClient registry, Waterfall waterfall, List<Duration> retryDelays,
                                         int concurrency, String groupId, MeterRegistry meters, Clock clock) {
        EnrichmentWorker worker = new EnrichmentWorker(kafka, registry, waterfall, retryDelays, concurrency, groupId, meters, clock);
        try {
            worker.producer.initTransactions();
            worker.consumer.subscribe(Stream.concat(Stream.of(Topics.ENRICHMENT_REQUESTS), Topics.ENRICHMENT_RETRIES.stream())
                    .map(t -> t.name()).toList(), worker.new Rebalances());
        } catch (RuntimeException e) {
            worker.consumer.close();
            worker.pool.shutdownNow();
            worker.producer.close(Duration.ZERO);
            throw e;
        }
        worker.thread.start();
        return worker;
    }

    /** Partitions leaving this worker forget their retry wait, and a batch in flight is not committed. */
    private final class Rebalances implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(waitingUntil::remove);
            rebalancedDuringBatch |= !partitions.isEmpty();
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // new partitions start from their committed offsets
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }

    private void run() {
        try {
            while (running) {
                resumeDue();
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                List<Read> batch = dueRecords(records);
                if (!batch.isEmpty()) {
                    process(batch);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                failure = e;
            }
        } catch (RuntimeException e) {
            failure = e;
            log.error("Enrichment worker stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** A consumed record, decoded once: its request, or why it could not be read (it is then dead-lettered). */
    private record Read(ConsumerRecord<String, byte[]> record, EnrichmentRequest request, RuntimeException unreadable) {
    }

    /** The records that may be tried now; a retry partition whose next record is not due waits, paused, at that record. */
    private List<Read> dueRecords(ConsumerRecords<String, byte[]> records) {
        List<Read> due = new ArrayList<>();
        Instant now = clock.instant();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                Read read = read(record);
                // Only a retry topic's not-before counts: a replayed dead letter on the requests topic is tried at once.
                Instant notBefore = read.request() == null || record.topic().equals(Topics.ENRICHMENT_REQUESTS.name())
                        ? null : read.request().getNotBefore();
                if (notBefore != null && notBefore.isAfter(now)) {
                    consumer.seek(partition, record.offset());
                    consumer.pause(List.of(partition));
                    waitingUntil.put(partition, notBefore);
                    break;
                }
                due.add(read);
            }
        }
        return due;
    }

    private Read read(ConsumerRecord<String, byte[]> record) {
        try {
            return new Read(record, requests.deserializer().deserialize(record.topic(), record.value()), null);
        } catch (RuntimeException unreadable) {
            return new Read(record, null, unreadable);
        }
    }

    private void resumeDue() {
        Instant now = clock.instant();
        List<TopicPartition> due = new ArrayList<>(waitingUntil.entrySet().stream().filter(e -> !e.getValue().isAfter(now))
                .map(Map.Entry::getKey).toList());
        due.forEach(waitingUntil::remove);
        due.retainAll(consumer.assignment());
        consumer.resume(due);
    }

    private void process(List<Read> batch) {
        // The generation the batch was read in: a commit after a rebalance is refused, not written twice.
        ConsumerGroupMetadata generation = consumer.groupMetadata();
        Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        batch.forEach(r -> firstOffsets.merge(new TopicPartition(r.record().topic(), r.record().partition()), r.record().offset(), Math::min));
        Set<TopicPartition> held = new HashSet<>(consumer.assignment());
        held.removeAll(waitingUntil.keySet());
        consumer.pause(held);
        rebalancedDuringBatch = false;
        List<Future<List<ProducerRecord<byte[], byte[]>>>> work = new ArrayList<>();
        batch.forEach(read -> work.add(pool.submit(() -> handle(read))));
        while (!work.stream().allMatch(Future::isDone)) {
            // Stay in the group while providers answer; partitions assigned meanwhile are put back as found.
            ConsumerRecords<String, byte[]> unexpected = consumer.poll(Duration.ofMillis(100));
            for (TopicPartition partition : unexpected.partitions()) {
                consumer.seek(partition, unexpected.records(partition).get(0).offset());
                consumer.pause(List.of(partition));
                held.add(partition);
            }
        }
        if (rebalancedDuringBatch) {
            log.info("Group rebalanced while enriching a batch of {}; its records are read again from their committed offsets", batch.size());
            rewind(firstOffsets);
        } else {
            commit(batch, work, generation, firstOffsets);
        }
        held.retainAll(consumer.assignment());
        held.removeAll(waitingUntil.keySet());
        consumer.resume(held);
    }

    /** The batch's outputs and offsets in one transaction; on failure nothing is written and the batch is read again. */
    private void commit(List<Read> batch, List<Future<List<ProducerRecord<byte[], byte[]>>>> work,
                        ConsumerGroupMetadata generation, Map<TopicPartition, Long> firstOffsets) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        try {
            producer.beginTransaction();
            for (int i = 0; i < batch.size(); i++) {
                ConsumerRecord<String, byte[]> record = batch.get(i).record();
                work.get(i).get().forEach(producer::send);
                offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            }
            producer.sendOffsetsToTransaction(offsets, generation);
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw e; // another producer took this transactional id over: this one can do nothing more
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new WakeupException();
        } catch (Exception e) {
            // e.g. the registry briefly down, or the group moved on: nothing written; the batch is read again shortly.
            log.warn("Enrichment batch of {} not committed, it will be read again: {}", batch.size(), e.getMessage());
            abort();
            rewind(firstOffsets);
            sleepQuietly(Duration.ofSeconds(1));
        }
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            log.warn("Could not abort the enrichment transaction: {}", e.getMessage());
        }
    }

    /** Back to the batch's first records, on the partitions still ours. */
    private void rewind(Map<TopicPartition, Long> firstOffsets) {
        firstOffsets.forEach((partition, offset) -> {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    private static void sleepQuietly(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What one request leads to: its result, and a retry or a dead letter when a provider outage left fields empty. */
    private List<ProducerRecord<byte[], byte[]>> handle(Read read) {
        ConsumerRecord<String, byte[]> record = read.record();
        if (read.unreadable() != null) {
            return List.of(deadLetter(record, DeadLetterCategory.DESERIALIZATION, read.unreadable()));
        }
        EnrichmentRequest request = read.request();
        Waterfall.Enrichment enrichment;
        try {
            enrichment = waterfall.enrich(request);
        } catch (RuntimeException e) {
            return List.of(deadLetter(record, DeadLetterCategory.PROCESSING, e));
        }
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        out.add(record(Topics.ENRICHMENT_RESULTS.name(), request.getTrackKey(), results.serializer().serialize(
                Topics.ENRICHMENT_RESULTS.name(), enrichment.result())));
        if (!enrichment.retry()) {
            outcomes.get("enriched").increment();
        } else if (request.getAttempt() < retryDelays.size()) {
            int stage = request.getAttempt() + 1;
            String topic = Topics.ENRICHMENT_RETRIES.get(stage - 1).name();
            EnrichmentRequest retry = EnrichmentRequest.newBuilder(request).setAttempt(stage)
                    .setNotBefore(clock.instant().plus(retryDelays.get(stage - 1))).setLastError(enrichment.outage()).build();
            out.add(record(topic, request.getTrackKey(), requests.serializer().serialize(topic, retry)));
            outcomes.get("retried").increment();
        } else {
            out.add(deadLetter(record, DeadLetterCategory.PROCESSING, new IllegalStateException(
                    "gave up after " + (request.getAttempt() + 1) + " tries: " + enrichment.outage())));
        }
        return out;
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<String, byte[]> record, DeadLetterCategory category, Exception error) {
        outcomes.get("dead_lettered").increment();
        log.warn("Enrichment request {} at {}-{}@{} dead-lettered: {}", record.key(), record.topic(), record.partition(), record.offset(),
                error.getMessage());
        // Replayed onto the requests topic, whatever retry stage it failed on.
        return DeadLetters.record(Topics.DLQ_ENRICHMENT.name(), bytes(record.key()), record.value(), record.headers(),
                DeadLetters.reason(category, error, Topics.ENRICHMENT_REQUESTS.name(), record.partition(), record.offset(), groupId,
                        PROCESSOR, clock.instant()).build());
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ProducerRecord<>(topic, bytes(key), value);
    }

    private static byte[] bytes(String key) {
        return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    public boolean isHealthy() {
        return thread.isAlive() && failure == null;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }
}
