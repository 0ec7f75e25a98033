package io.songnodes.alerts;

import io.songnodes.platform.config.Durations;
import io.songnodes.schemas.alerts.SourceHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The silent-failure rules, each a question asked of one source's recent history at a wall-clock instant. */
public enum SilentFailureRule {

    /** Pages were fetched but not one track came out of them: the seeds' four-day silent failure. */
    ZERO_TRACKS_IN_WINDOW {
        @Override
        Optional<String> evaluate(String source, List<SourceHealth> history, Instant now, AlertSettings s) {
            Duration window = s.windowFor(source);
            List<SourceHealth> recent = since(history, now.minus(window), s);
            long attempts = recent.stream().mapToLong(b -> b.getAttempts() - b.getOutcomes().getOrDefault("NOT_MODIFIED", 0L)).sum();
            long tracks = recent.stream().mapToLong(SourceHealth::getTracks).sum();
            return attempts > 0 && tracks == 0
                    ? Optional.of(attempts + " scrape attempt(s) and 0 tracks in the last " + Durations.format(window))
                    : Optional.empty();
        }
    },

    /** Nothing was even tried: a scraper that stopped, a queue that ran dry. */
    SOURCE_STALLED {
        @Override
        Optional<String> evaluate(String source, List<SourceHealth> history, Instant now, AlertSettings s) {
            Duration window = s.windowFor(source);
            long attempts = since(history, now.minus(window), s).stream().mapToLong(SourceHealth::getAttempts).sum();
            return attempts == 0 ? Optional.of("no scrape attempts in the last " + Durations.format(window)) : Optional.empty();
        }
    },

    /** Too many fetched pages with no tracks. */
    EMPTY_PLAYLIST_RATE {
        @Override
        Optional<String> evaluate(String source, List<SourceHealth> history, Instant now, AlertSettings s) {
            List<SourceHealth> recent = since(history, now.minus(s.rateWindow()), s);
            long playlists = recent.stream().mapToLong(SourceHealth::getPlaylists).sum();
            long empty = recent.stream().mapToLong(SourceHealth::getEmptyPlaylists).sum();
            return playlists >= s.minSample() && empty > s.emptyPlaylistRate() * playlists
                    ? Optional.of(String.format(Locale.ROOT, "%d of %d playlists empty (%.0f%%, threshold %.0f%%) in the last %s", empty,
                            playlists, 100.0 * empty / playlists, 100 * s.emptyPlaylistRate(), Durations.format(s.rateWindow())))
                    : Optional.empty();
        }
    },

    /** The last complete bucket yielded far fewer tracks than the same time of day usually does. */
    VOLUME_DROP {
        @Override
        Optional<String> evaluate(String source, List<SourceHealth> history, Instant now, AlertSettings s) {
            long bucketMs = s.bucket().toMillis();
            long last = Math.floorDiv(now.toEpochMilli(), bucketMs) * bucketMs - bucketMs;
            Map<Long, Long> tracksByBucket = history.stream()
                    .collect(Collectors.toMap(b -> b.getBucketStart().toEpochMilli(), SourceHealth::getTracks, Long::sum));
            long day = Duration.ofDays(1).toMillis();
            long days = 0;
            long total = 0;
            for (int d = 1; d <= s.baselineDays(); d++) {
                Long tracks = tracksByBucket.get(last - d * day);
                if (tracks != null) {
                    days++;
                    total += tracks;
                }
            }
            if (days == 0) {
                return Optional.empty();
            }
            double baseline = (double) total / days;
            long current = tracksByBucket.getOrDefault(last, 0L);
            return baseline >= s.volumeFloor() && current < s.volumeFraction() * baseline
                    ? Optional.of(String.format(Locale.ROOT, "%d tracks in the last %s, against %.0f usually at this time of day (%d day(s))",
                            current, Durations.format(s.bucket()), baseline, days))
                    : Optional.empty();
        }
    },

    /** A page-parser version fails on too many pages. */
    PARSER_FAILURE_RATE {
        @Override
        Optional<String> evaluate(String source, List<SourceHealth> history, Instant now, AlertSettings s) {
            Map<String, long[]> byVersion = new TreeMap<>();
            for (SourceHealth b : since(history, now.minus(s.rateWindow()), s)) {
                b.getParserAttempts().forEach((v, n) -> byVersion.computeIfAbsent(v, k -> new long[2])[0] += n);
                b.getParserFailures().forEach((v, n) -> byVersion.computeIfAbsent(v, k -> new long[2])[1] += n);
            }
            String failing = byVersion.entrySet().stream()
                    .filter(e -> e.getValue()[0] >= s.minSample() && e.getValue()[1] > s.parserFailureRate() * e.getValue()[0])
                    .map(e -> String.format(Locale.ROOT, "%s failed on %d of %d pages", e.getKey(), e.getValue()[1], e.getValue()[0]))
                    .collect(Collectors.joining("; "));
            return failing.isEmpty() ? Optional.empty() : Optional.of(failing + " in the last " + Durations.format(s.rateWindow()));
        }
    };

    /** Empty when the rule does not hold for the source now, else what was seen. */
    abstract Optional<String> evaluate(String source, List<SourceHealth> history, Instant now, AlertSettings settings);

    /** The buckets that overlap {@code [from, ...)}. */
    private static List<SourceHealth> since(List<SourceHealth> history, Instant from, AlertSettings s) {
        long fromMs = from.toEpochMilli();
        long bucketMs = s.bucket().toMillis();
        return history.stream().filter(b -> b.getBucketStart().toEpochMilli() + bucketMs > fromMs).toList();
    }
}
