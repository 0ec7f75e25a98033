package io.songnodes.alerts;

import io.songnodes.schemas.alerts.AlertState;
import io.songnodes.schemas.alerts.SilentFailureAlert;
import io.songnodes.schemas.alerts.SourceHealth;
import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.bronze.ScrapeOutcome;
import io.songnodes.schemas.silver.PlaylistStatus;
import io.songnodes.schemas.silver.SilverPlaylist;
import org.apache.avro.specific.SpecificRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each source's history in time buckets as Bronze events arrive (publishing every updated
 * bucket to gold.source-health.v1), and on a wall-clock punctuation evaluates every rule for every
 * known source, including one that sent nothing at all, emitting only changes of alert state.
 */
final class SourceHealthProcessor implements Processor<String, SpecificRecord, String, Object> {

    /** Fetches that brought no page: not a playlist, for the rates. */
    private static final Set<ScrapeOutcome> NO_PAGE = EnumSet.of(ScrapeOutcome.NOT_MODIFIED, ScrapeOutcome.HTTP_ERROR,
            ScrapeOutcome.ROBOTS_DISALLOWED, ScrapeOutcome.URL_REFUSED);
    /** Pages the page parser did not read properly. */
    private static final Set<ScrapeOutcome> PARSER_FAILED = EnumSet.of(ScrapeOutcome.PARSE_ERROR, ScrapeOutcome.EMPTY_TRACKLIST,
            ScrapeOutcome.SHELL_PAGE, ScrapeOutcome.COUNT_MISMATCH, ScrapeOutcome.DECOY_SUSPECTED);

    private final AlertSettings settings;
    private final AlertGauges gauges;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, SourceHealth> buckets;
    private KeyValueStore<String, Long> sources;
    private KeyValueStore<String, SilentFailureAlert> alerts;
    /** Sources this task judged: their gauges are zeroed here if the task moves away. */
    private final Set<String> judged = new TreeSet<>();
    /** Wall-clock time of the last record processed, and that record's own time: together they tell catching up. */
    private long lastProcessedWallMs;
    private long lastRecordMs = Long.MAX_VALUE;

    SourceHealthProcessor(AlertSettings settings, AlertGauges gauges) {
        this.settings = settings;
        this.gauges = gauges;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.buckets = context.getStateStore(SourceHealthTopology.BUCKETS_STORE);
        this.sources = context.getStateStore(SourceHealthTopology.SOURCES_STORE);
        this.alerts = context.getStateStore(SourceHealthTopology.ALERTS_STORE);
        // Wall-clock time: fires even when a source, or every source, sends nothing at all.
        context.schedule(settings.punctuation(), PunctuationType.WALL_CLOCK_TIME, this::evaluate);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        lastProcessedWallMs = context.currentSystemTimeMs();
        lastRecordMs = record.timestamp();
        if (record.value() instanceof SilverPlaylist silver) {
            if (silver.getStatus() == PlaylistStatus.FAILED) {
                SourceHealth bucket = bucket(silver.getSource(), silver.getScrapedAt().toEpochMilli());
                bucket.setFailedPlaylists(bucket.getFailedPlaylists() + 1);
                store(bucket, record.timestamp());
            }
            return;
        }
        BronzePlaylist bronze = (BronzePlaylist) record.value();
        String source = bronze.getSource();
        long at = bronze.getFetchedAt().toEpochMilli();
        SourceHealth bucket = bucket(source, at);
        int tracks = bronze.getTracks().size();
        bucket.setAttempts(bucket.getAttempts() + 1);
        bucket.setOutcomes(add(bucket.getOutcomes(), bronze.getOutcome().name()));
        bucket.setTracks(bucket.getTracks() + tracks);
        if (!NO_PAGE.contains(bronze.getOutcome())) {
            bucket.setPlaylists(bucket.getPlaylists() + 1);
            if (tracks == 0) {
                bucket.setEmptyPlaylists(bucket.getEmptyPlaylists() + 1);
            }
            bucket.setParserAttempts(add(bucket.getParserAttempts(), bronze.getParserVersion()));
            if (PARSER_FAILED.contains(bronze.getOutcome())) {
                bucket.setParserFailures(add(bucket.getParserFailures(), bronze.getParserVersion()));
            }
        }
        if (tracks > 0) {
            Instant last = bucket.getLastTrackAt();
            bucket.setLastTrackAt(last == null || last.toEpochMilli() < at ? Instant.ofEpochMilli(at) : last);
            gauges.lastTrack(source, at);
        }
        sources.put(source, Math.max(at, Optional.ofNullable(sources.get(source)).orElse(0L)));
        store(bucket, record.timestamp());
    }

    /** The source's bucket holding {@code at}, empty if new. */
    private SourceHealth bucket(String source, long at) {
        long bucketMs = settings.bucket().toMillis();
        long start = Math.floorDiv(at, bucketMs) * bucketMs;
        return Optional.ofNullable(buckets.get(bucketKey(source, start))).orElseGet(() -> SourceHealth.newBuilder()
                .setSource(source).setBucketStart(Instant.ofEpochMilli(start)).setBucketMs(bucketMs)
                .setOutcomes(new HashMap<>()).setParserAttempts(new HashMap<>()).setParserFailures(new HashMap<>()).build());
    }

    private void store(SourceHealth bucket, long timestamp) {
        String key = bucketKey(bucket.getSource(), bucket.getBucketStart().toEpochMilli());
        buckets.put(key, bucket);
        context.forward(new Record<String, Object>(key, bucket, timestamp));
    }

    /**
     * While the task works through a backlog (after an outage or a reset), its history is behind the
     * wall clock: judging it then would fire and resolve alerts that were never true.
     */
    private boolean catchingUp(long wallClockMs) {
        long slack = settings.bucket().plus(settings.punctuation()).toMillis();
        return wallClockMs - lastProcessedWallMs <= settings.punctuation().toMillis() && wallClockMs - lastRecordMs > slack;
    }

    private void evaluate(long wallClockMs) {
        if (catchingUp(wallClockMs)) {
            return;
        }
        Instant now = Instant.ofEpochMilli(wallClockMs);
        // Configured sources this task owns, as the repartition would route them; sources seen here are ours already.
        Set<String> known = new TreeSet<>(settings.knownSources().stream().filter(this::owns).toList());
        try (KeyValueIterator<String, Long> all = sources.all()) {
            all.forEachRemaining(kv -> known.add(kv.key));
        }
        for (String source : known) {
            judged.add(source);
            List<SourceHealth> history = history(source);
            // After a restart the gauge starts from the history, so a silent source still shows its last track.
            history.stream().map(SourceHealth::getLastTrackAt).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo).ifPresent(t -> gauges.lastTrack(source, t.toEpochMilli()));
            for (SilentFailureRule rule : SilentFailureRule.values()) {
                Optional<String> holds = rule.evaluate(source, history, now, settings);
                String key = rule.name() + ":" + source;
                SilentFailureAlert firing = alerts.get(key);
                if (holds.isPresent() && firing == null) {
                    SilentFailureAlert alert = alert(rule, source, AlertState.FIRING, holds.get(), now, now);
                    alerts.put(key, alert);
                    context.forward(new Record<String, Object>(key, alert, wallClockMs));
                } else if (holds.isEmpty() && firing != null) {
                    alerts.delete(key);
                    context.forward(new Record<String, Object>(key, alert(rule, source, AlertState.RESOLVED,
                            "cleared after firing since " + firing.getSince(), firing.getSince(), now), wallClockMs));
                }
                gauges.alert(source, rule, holds.isPresent());
            }
        }
        prune(now);
    }

    private SilentFailureAlert alert(SilentFailureRule rule, String source, AlertState state, String message, Instant since, Instant now) {
        Duration window = switch (rule) {
            case ZERO_TRACKS_IN_WINDOW, SOURCE_STALLED -> settings.windowFor(source);
            case VOLUME_DROP -> settings.bucket();
            default -> settings.rateWindow();
        };
        return SilentFailureAlert.newBuilder().setRule(rule.name()).setSource(source).setState(state).setMessage(message)
                .setSince(since).setEvaluatedAt(now).setWindowMs(window.toMillis()).build();
    }

    /** The source's buckets, oldest first (keys sort by time: the bucket start is zero-padded). */
    private List<SourceHealth> history(String source) {
        List<SourceHealth> history = new ArrayList<>();
        try (KeyValueIterator<String, SourceHealth> range = buckets.prefixScan(source + "|", new StringSerializer())) {
            range.forEachRemaining(kv -> history.add(kv.value));
        }
        return history;
    }

    /**
     * History older than any rule needs is dropped, and so is a source nobody configured that has
     * not been seen for that long (a retired source would otherwise stall forever).
     */
    private void prune(Instant now) {
        long keepFrom = now.minus(settings.retention()).toEpochMilli();
        List<String> retired = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = sources.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value < keepFrom && !settings.knownSources().contains(kv.key)) {
                    retired.add(kv.key);
                }
            });
        }
        for (String source : retired) {
            sources.delete(source);
            for (SilentFailureRule rule : SilentFailureRule.values()) {
                String key = rule.name() + ":" + source;
                SilentFailureAlert firing = alerts.get(key);
                if (firing != null) {
                    alerts.delete(key);
                    context.forward(new Record<String, Object>(key, alert(rule, source, AlertState.RESOLVED,
                            "source retired: not seen for " + settings.retention(), firing.getSince(), now), now.toEpochMilli()));
                }
            }
            gauges.forget(source);
        }
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, SourceHealth> all = buckets.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value.getBucketStart().toEpochMilli() < keepFrom) {
                    old.add(kv.key);
                }
            });
        }
        old.forEach(buckets::delete);
    }

    /** Whether the by-source repartition sends this source to this task: then only this task alerts on it. */
    private boolean owns(String source) {
        int partition = Utils.toPositive(Utils.murmur2(source.getBytes(StandardCharsets.UTF_8))) % settings.partitions();
        return partition == context.taskId().partition();
    }

    @Override
    public void close() {
        judged.forEach(gauges::forget);
    }

    static String bucketKey(String source, long bucketStart) {
        return source + "|" + String.format(Locale.ROOT, "%015d", bucketStart);
    }

    private static Map<String, Long> add(Map<String, Long> counts, String key) {
        Map<String, Long> copy = new HashMap<>(counts);
        copy.merge(key, 1L, Long::sum);
        return copy;
    }
}
