package io.songnodes.silver;

import io.songnodes.platform.dlq.DeadLetterHeaders;
import io.songnodes.platform.dlq.DeadLetters;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.bronze.ScrapeOutcome;
import io.songnodes.schemas.dlq.DeadLetter;
import io.songnodes.schemas.dlq.DeadLetterCategory;
import io.songnodes.schemas.silver.ExpectationResult;
import io.songnodes.schemas.silver.PlaylistStatus;
import io.songnodes.schemas.silver.SilverPlaylist;
import io.songnodes.schemas.silver.TrackPlay;
import io.songnodes.silver.lines.TrackLineParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One Bronze record in, at most one Silver playlist version out (plus its plays), or a dead letter:
 * decode, check the record, skip what carries no content or nothing new, parse every row, run the
 * expectations, publish. The raw bytes are what it reads, so a dead letter keeps them unchanged.
 */
final class SilverProcessor implements Processor<byte[], byte[], Object, Object> {

    /**
     * Bronze outcomes that carry no page content: nothing in Silver changes. ("Unchanged" below is
     * the content hash with the outcome and both parser versions, so a better parser republishes.)
     */
    private static final Set<ScrapeOutcome> NO_CONTENT = EnumSet.of(ScrapeOutcome.NOT_MODIFIED, ScrapeOutcome.HTTP_ERROR,
            ScrapeOutcome.ROBOTS_DISALLOWED, ScrapeOutcome.URL_REFUSED);

    private final SilverSettings settings;
    private final Deserializer<BronzePlaylist> bronze;
    private final SilverMetrics metrics;
    private final PlaylistPlays plays = new PlaylistPlays();
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, String> versions;

    SilverProcessor(SilverSettings settings, Deserializer<BronzePlaylist> bronze, SilverMetrics metrics) {
        this.settings = settings;
        this.bronze = bronze;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.versions = context.getStateStore(SilverTopology.CONTENT_VERSIONS_STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        BronzePlaylist playlist;
        try {
            playlist = bronze.deserialize(Topics.BRONZE_PLAYLISTS.name(), record.value());
            if (playlist == null) {
                throw new IllegalArgumentException("empty Bronze record (tombstone)");
            }
        } catch (RuntimeException e) {
            deadLetter(record, reason(DeadLetterCategory.DESERIALIZATION, e).build());
            return;
        }
        String source = playlist.getSource();
        List<ExpectationResult> failures = new ArrayList<>();
        List<ExpectationResult> warnings = new ArrayList<>();
        Optional<ExpectationResult> quarantined = check(Expectations.BRONZE_REQUIRED_FIELDS, playlist, List.of(), failures, warnings);
        if (quarantined.isPresent()) {
            deadLetter(record, quarantine(quarantined.get(), source));
            return;
        }
        if (NO_CONTENT.contains(playlist.getOutcome())) {
            metrics.skipped(source, "no_content_" + playlist.getOutcome().name().toLowerCase(java.util.Locale.ROOT));
            return;
        }
        String key = playlist.getSource() + ":" + playlist.getSourcePlaylistId();
        String version = playlist.getContentSha256() + "|" + playlist.getOutcome() + "|" + playlist.getParserVersion() + "|"
                + TrackLineParser.VERSION;
        // A record replayed from the dead-letter topic is reprocessed on purpose, even if its version was recorded.
        boolean replayed = DeadLetterHeaders.replayCount(record.headers()) > 0;
        if (!replayed && version.equals(versions.get(key))) {
            metrics.skipped(source, "unchanged");
            return;
        }
        List<TrackPlay> parsed = plays.of(key, playlist);
        for (Expectation expectation : Expectations.ALL.subList(1, Expectations.ALL.size())) {
            quarantined = check(expectation, playlist, parsed, failures, warnings);
            if (quarantined.isPresent()) {
                deadLetter(record, quarantine(quarantined.get(), source));
                return;
            }
        }
        PlaylistStatus status = failures.isEmpty() ? PlaylistStatus.VALID : PlaylistStatus.FAILED;
        SilverPlaylist silver = SilverPlaylist.newBuilder()
                .setPlaylistKey(key)
                .setSource(source)
                .setSourcePlaylistId(playlist.getSourcePlaylistId())
                .setUrl(playlist.getUrl())
                .setTitle(playlist.getTitle())
                .setDjs(playlist.getDjs())
                .setPlayedOn(playlist.getPlayedOn())
                .setVenue(playlist.getVenue())
                .setScrapedAt(playlist.getFetchedAt())
                .setContentSha256(playlist.getContentSha256())
                .setScrapeOutcome(playlist.getOutcome().name())
                .setPageParserVersion(playlist.getParserVersion())
                .setLineParserVersion(TrackLineParser.VERSION)
                .setStatus(status)
                .setFailures(failures)
                .setWarnings(warnings)
                .setPlays(parsed)
                .build();
        context.forward(record.withKey((Object) key).withValue(silver), SilverTopology.PLAYLISTS_SINK);
        if (status == PlaylistStatus.VALID) {
            for (TrackPlay play : parsed) {
                context.forward(record.withKey((Object) key).withValue(play), SilverTopology.TRACK_PLAYS_SINK);
            }
        }
        versions.put(key, version);
        metrics.published(source, status.name());
    }

    /** Runs one expectation; a QUARANTINE failure is returned for the caller to dead-letter. */
    private Optional<ExpectationResult> check(Expectation expectation, BronzePlaylist playlist, List<TrackPlay> parsed,
                                              List<ExpectationResult> failures, List<ExpectationResult> warnings) {
        Optional<String> failure = expectation.check().failure(playlist, parsed);
        if (failure.isEmpty()) {
            return Optional.empty();
        }
        ExpectationAction action = settings.action(expectation);
        metrics.expectationFailed(expectation, playlist.getSource() == null ? "unknown" : playlist.getSource(), action);
        ExpectationResult result = ExpectationResult.newBuilder()
                .setExpectation(expectation.name()).setAction(action.name()).setMessage(failure.get()).build();
        switch (action) {
            case WARN -> warnings.add(result);
            case FAIL_PLAYLIST -> failures.add(result);
            case QUARANTINE -> {
                return Optional.of(result);
            }
        }
        return Optional.empty();
    }

    private DeadLetter quarantine(ExpectationResult result, String source) {
        return reason(DeadLetterCategory.EXPECTATION, null)
                .setExpectation(result.getExpectation())
                .setExceptionMessage(result.getMessage())
                .setRecordSource(source)
                .build();
    }

    private DeadLetter.Builder reason(DeadLetterCategory category, Exception error) {
        Optional<RecordMetadata> where = context.recordMetadata();
        return DeadLetters.reason(category, error, where.map(RecordMetadata::topic).orElse(null),
                where.map(RecordMetadata::partition).orElse(-1), where.map(RecordMetadata::offset).orElse(-1L),
                settings.applicationId(), SilverTopology.PROCESSOR, Instant.ofEpochMilli(context.currentSystemTimeMs()));
    }

    private void deadLetter(Record<byte[], byte[]> record, DeadLetter why) {
        ProducerRecord<byte[], byte[]> letter = DeadLetters.record(Topics.DLQ_SILVER.name(), record.key(), record.value(), record.headers(), why);
        context.forward(new Record<Object, Object>(letter.key(), letter.value(), record.timestamp(), letter.headers()),
                SilverTopology.DEAD_LETTER_SINK);
        metrics.deadLetter(why.getCategory().name());
    }
}
