package io.songnodes.silver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Silver's counters: expectation failures by expectation, source and action; dead letters; records skipped and why. */
final class SilverMetrics {

    private final MeterRegistry registry;

    SilverMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Counters start at zero for every category, so alert rules see the series before the first dead letter.
        for (io.songnodes.schemas.dlq.DeadLetterCategory category : io.songnodes.schemas.dlq.DeadLetterCategory.values()) {
            deadLetterCounter(category.name());
        }
    }

    private Counter deadLetterCounter(String category) {
        return Counter.builder("songnodes_dead_letters").description("Records sent to a dead-letter topic")
                .tag("topic", io.songnodes.platform.topics.Topics.DLQ_SILVER.name()).tag("category", category)
                .register(registry);
    }

    void expectationFailed(Expectation expectation, String source, ExpectationAction action) {
        Counter.builder("songnodes_expectation_failures").description("Playlists failing a Silver expectation")
                .tag("expectation", expectation.name()).tag("source", source).tag("action", action.name())
                .register(registry).increment();
    }

    void deadLetter(String category) {
        deadLetterCounter(category).increment();
    }

    void skipped(String source, String reason) {
        Counter.builder("songnodes_silver_skipped").description("Bronze records that produce no Silver output, by reason")
                .tag("source", source).tag("reason", reason)
                .register(registry).increment();
    }

    void published(String source, String status) {
        Counter.builder("songnodes_playlists").description("Playlist versions published to Silver, by status")
                .tag("source", source).tag("status", status)
                .register(registry).increment();
    }
}
