package io.songnodes.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.songnodes.enrich.EnrichmentService;
import io.songnodes.enrich.GuardedProvider;
import io.songnodes.platform.Platform;
import io.songnodes.schemas.gold.Track;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.function.Function;

/** The demo's account of enrichment: how many Gold tracks have each field, the calls made per provider, the cache's hit ratio. */
final class EnrichmentSummary {

    private EnrichmentSummary() {
    }

    static void print(Platform platform, Collection<Track> all, EnrichmentService enrichment, PrintWriter out) {
        out.printf("Enrichment: of %d Gold tracks, %d have an ISRC, %d a BPM, %d a release date, %d a duration%n", all.size(),
                count(all, Track::getIsrc), count(all, Track::getBpm), count(all, Track::getReleaseDate), count(all, Track::getDurationSeconds));
        MeterRegistry meters = platform.metrics().registry();
        for (GuardedProvider provider : enrichment.providers()) {
            // Every call made; skips are not calls.
            double calls = meters.find("songnodes_enrichment_calls").tag("provider", provider.name()).counters().stream()
                    .filter(c -> !c.getId().getTag("outcome").startsWith("skipped")).mapToDouble(Counter::count).sum();
            out.printf("  %-12s %4.0f calls (%.2f per track), breaker %s%n", provider.name(), calls, all.isEmpty() ? 0 : calls / all.size(),
                    provider.breakerState());
        }
        double hits = meters.find("songnodes_enrichment_cache_requests").tag("result", "hit").counters().stream().mapToDouble(Counter::count).sum();
        double misses = meters.find("songnodes_enrichment_cache_requests").tag("result", "miss").counters().stream().mapToDouble(Counter::count).sum();
        out.printf("  cache: %.0f hits, %.0f misses (hit ratio %.0f%%); requests: %.0f enriched, %.0f sent to retry, %.0f dead-lettered%n",
                hits, misses, hits + misses == 0 ? 0 : 100 * hits / (hits + misses), requests(meters, "enriched"), requests(meters, "retried"),
                requests(meters, "dead_lettered"));
        out.flush();
    }

    private static long count(Collection<Track> tracks, Function<Track, Object> field) {
        return tracks.stream().filter(t -> field.apply(t) != null).count();
    }

    private static double requests(MeterRegistry meters, String outcome) {
        Counter counter = meters.find("songnodes_enrichment_requests").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
