package io.songnodes.enrich;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.songnodes.enrich.providers.Candidate;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.kafka.TopicReader;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.enrichment.CachedCandidate;
import io.songnodes.schemas.enrichment.ProviderAnswer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Providers' answers, each kept until its own expiry (a provider-specific time for answers, a
 * shorter one for "nothing found"). In memory with Caffeine, and written through to the compacted
 * {@code enrichment.provider-cache.v1}, from which a starting worker loads what is still fresh, so
 * a restart does not ask providers again.
 */
public final class AnswerCache implements AutoCloseable {

    private static final long MAX_ENTRIES = 1_000_000;

    private final Cache<String, ProviderAnswer> answers;
    private final Clock clock;
    private final Consumer<ProviderAnswer> log;
    private final AutoCloseable logClose;

    AnswerCache(Clock clock, Consumer<ProviderAnswer> log, AutoCloseable logClose) {
        this.clock = clock;
        this.log = log;
        this.logClose = logClose;
        this.answers = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(Expiry.<String, ProviderAnswer>writing((key, answer) -> remaining(answer))).build();
    }

    /** Until the answer's own expiry; a newer answer for the same question replaces it, expiry included. */
    private Duration remaining(ProviderAnswer answer) {
        Duration left = Duration.between(clock.instant(), answer.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** A cache with no log, for units. */
    static AnswerCache inMemory(Clock clock) {
        return new AnswerCache(clock, answer -> { }, () -> { });
    }

    /** Loads the still-fresh answers from the cache topic and writes new ones to it. */
    public static AnswerCache backedBy(KafkaConnection kafka, SchemaRegistryClient registry, Clock clock) {
        KafkaProducer<String, ProviderAnswer> producer = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
                Topics.ENRICHMENT_PROVIDER_CACHE.valueSerde(registry).serializer());
        AnswerCache cache = new AnswerCache(clock,
                answer -> producer.send(new ProducerRecord<>(Topics.ENRICHMENT_PROVIDER_CACHE.name(), key(answer), answer)), producer);
        TopicReader.readToEnd(kafka, Topics.ENRICHMENT_PROVIDER_CACHE.name(), new StringDeserializer(),
                Topics.ENRICHMENT_PROVIDER_CACHE.valueSerde(registry).deserializer(), Duration.ofSeconds(60), r -> {
                    if (r.value() != null && r.value().getExpiresAt().isAfter(clock.instant())) {
                        cache.answers.put(r.key(), r.value());
                    }
                });
        return cache;
    }

    public Optional<List<Candidate>> get(String provider, String question) {
        return Optional.ofNullable(answers.getIfPresent(provider + "|" + question)).map(AnswerCache::candidates);
    }

    public void put(String provider, String question, List<Candidate> candidates, Duration ttl) {
        Instant now = clock.instant();
        ProviderAnswer answer = ProviderAnswer.newBuilder().setProvider(provider).setQuestion(question)
                .setCandidates(candidates.stream().map(AnswerCache::cached).toList()).setAnsweredAt(now).setExpiresAt(now.plus(ttl)).build();
        answers.put(key(answer), answer);
        log.accept(answer);
    }

    private static String key(ProviderAnswer answer) {
        return answer.getProvider() + "|" + answer.getQuestion();
    }

    private static CachedCandidate cached(Candidate c) {
        Map<String, String> fields = new HashMap<>();
        c.fields().forEach((field, value) -> fields.put(field.id(), value));
        return CachedCandidate.newBuilder().setId(c.id() == null ? "" : c.id()).setArtists(c.artists()).setTitle(c.title())
                .setDurationSeconds(c.durationSeconds()).setFields(fields).build();
    }

    private static List<Candidate> candidates(ProviderAnswer answer) {
        return answer.getCandidates().stream().map(c -> {
            Map<TrackField, String> fields = new HashMap<>();
            c.getFields().forEach((field, value) -> fields.put(TrackField.fromId(field), value));
            return new Candidate(answer.getProvider(), c.getId().isEmpty() ? null : c.getId(), c.getArtists(), c.getTitle(), c.getDurationSeconds(), fields);
        }).toList();
    }

    @Override
    public void close() {
        try {
            logClose.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the answer cache's log failed: " + e.getMessage(), e);
        }
    }
}
