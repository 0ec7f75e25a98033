package io.songnodes.platform.topics;

import io.songnodes.platform.topics.TopicSpec.Cleanup;
import io.songnodes.schemas.alerts.SilentFailureAlert;
import io.songnodes.schemas.alerts.SourceHealth;
import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.enrichment.EnrichmentRequest;
import io.songnodes.schemas.enrichment.EnrichmentResult;
import io.songnodes.schemas.enrichment.ProviderAnswer;
import io.songnodes.schemas.enrichment.WaterfallRule;
import io.songnodes.schemas.gold.Artist;
import io.songnodes.schemas.gold.Track;
import io.songnodes.schemas.gold.Transition;
import io.songnodes.schemas.scrape.ScrapeRequest;
import io.songnodes.schemas.silver.SilverPlaylist;
import io.songnodes.schemas.silver.TrackPlay;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one place that names topics. Every topic the platform reads or writes is declared here with
 * its partitions, cleanup policy, retention and wire formats; {@code songnodes topics apply}
 * creates exactly this list. Names follow {@code <layer>.<entity>.v<N>}.
 */
public final class Topics {

    private static final Optional<Duration> FOREVER = Optional.empty();

    /** Registered schemas of the embedded registry (Confluent's own layout, so its name is Confluent's too). */
    public static final TopicSpec<byte[], byte[]> SCHEMAS = new TopicSpec<>("_schemas",
            "schema registry log: every registered schema and compatibility setting", 1, Cleanup.COMPACT, FOREVER,
            Wire.bytes("json"), Wire.bytes("json"));

    public static final TopicSpec<String, ScrapeRequest> SCRAPE_REQUESTS = new TopicSpec<>("scrape.requests.v1",
            "pages to scrape, keyed by canonical URL", 3, Cleanup.DELETE, Optional.of(Duration.ofDays(7)),
            Wire.string(), Wire.avro(ScrapeRequest.class));

    /** When each URL was last scraped, so a restarted scraper does not rescrape the world. */
    public static final TopicSpec<String, Long> SCRAPE_SEEN_URLS = new TopicSpec<>("scrape.seen-urls.v1",
            "last scrape time (epoch ms) per canonical URL, for deduplicating discovery and backfill", 3, Cleanup.COMPACT, FOREVER,
            Wire.string(), Wire.longs());

    /** Scrape requests that could not be read, byte-exact, reason in headers. */
    public static final TopicSpec<byte[], byte[]> DLQ_SCRAPE_REQUESTS = new TopicSpec<>("dlq.scrape-requests.v1",
            "scrape requests the scraper could not read, byte-exact, reason in headers", 1, Cleanup.DELETE,
            Optional.of(Duration.ofDays(30)), Wire.bytes("original bytes"), Wire.bytes("original bytes"));

    /** Bronze is the replay source of everything downstream, so it is kept forever. */
    public static final TopicSpec<String, BronzePlaylist> BRONZE_PLAYLISTS = new TopicSpec<>("bronze.playlists.v1",
            "every fetch attempt of a playlist page as scraped, keyed by source:playlist-id", 3, Cleanup.DELETE, FOREVER,
            Wire.string(), Wire.avro(BronzePlaylist.class));

    /** The latest version of each playlist, validated and parsed: a table. */
    public static final TopicSpec<String, SilverPlaylist> SILVER_PLAYLISTS = new TopicSpec<>("silver.playlists.v1",
            "latest version of each playlist with its parsed plays and validation status, keyed by source:playlist-id", 3,
            Cleanup.COMPACT, FOREVER, Wire.string(), Wire.avro(SilverPlaylist.class));

    /** One event per play of each new playlist version; derivable from Bronze, so kept for a month. */
    public static final TopicSpec<String, TrackPlay> SILVER_TRACK_PLAYS = new TopicSpec<>("silver.track-plays.v1",
            "one event per play of each new valid playlist version, keyed by source:playlist-id", 3, Cleanup.DELETE,
            Optional.of(Duration.ofDays(30)), Wire.string(), Wire.avro(TrackPlay.class));

    /** The track-to-track graph of real sets: a table keyed by from->to. */
    public static final TopicSpec<String, Transition> GOLD_TRANSITIONS = new TopicSpec<>("gold.transitions.v1",
            "how often one track follows another in valid playlists, keyed by from-track->to-track", 3, Cleanup.COMPACT, FOREVER,
            Wire.string(), Wire.avro(Transition.class));

    /** Every track the valid playlists play: a table keyed by the canonical track key. */
    public static final TopicSpec<String, Track> GOLD_TRACKS = new TopicSpec<>("gold.tracks.v1",
            "tracks as the valid playlists play them: plays, playlists, DJs, first and last played, sources, labels; keyed by track key",
            3, Cleanup.COMPACT, FOREVER, Wire.string(), Wire.avro(Track.class));

    /** Per source per time bucket: attempts, outcomes, tracks, parser versions. */
    public static final TopicSpec<String, Artist> GOLD_ARTISTS = new TopicSpec<>("gold.artists.v1",
            "artists as the valid playlists play them: tracks, plays, DJs, top tracks and transitions; keyed by artist key",
            3, Cleanup.COMPACT, FOREVER, Wire.string(), Wire.avro(Artist.class));

    public static final TopicSpec<String, SourceHealth> GOLD_SOURCE_HEALTH = new TopicSpec<>("gold.source-health.v1",
            "per source per hour: attempts, outcomes, playlists, tracks, parser versions; keyed by source|bucket-start", 3,
            Cleanup.COMPACT, FOREVER, Wire.string(), Wire.avro(SourceHealth.class));

    /** Silent-failure alerts as state changes, FIRING once and RESOLVED once: a history, kept for a quarter. */
    public static final TopicSpec<String, SilentFailureAlert> ALERTS_SILENT_FAILURES = new TopicSpec<>("alerts.silent-failures.v1",
            "silent-failure alert state changes keyed by rule:source", 1, Cleanup.DELETE, Optional.of(Duration.ofDays(90)),
            Wire.string(), Wire.avro(SilentFailureAlert.class));

    /** Dead letters keep the original key and value bytes; the reason travels in headers (see DeadLetter.avsc). */
    public static final TopicSpec<byte[], byte[]> DLQ_SILVER = new TopicSpec<>("dlq.silver.v1",
            "records Silver could not read, process or accept, byte-exact, reason in headers", 3, Cleanup.DELETE,
            Optional.of(Duration.ofDays(30)), Wire.bytes("original bytes"), Wire.bytes("original bytes"));

    /** What source health and alerting could not process (its own letters, apart from Silver's). */
    public static final TopicSpec<byte[], byte[]> DLQ_ALERTS = new TopicSpec<>("dlq.alerts.v1",
            "records source health and alerting could not process, byte-exact, reason in headers", 1, Cleanup.DELETE,
            Optional.of(Duration.ofDays(30)), Wire.bytes("original bytes"), Wire.bytes("original bytes"));

    /** What the Gold topologies could not process. */
    /** Each unique track once (and again on expiry or a waterfall change), never once per play. */
    public static final TopicSpec<String, EnrichmentRequest> ENRICHMENT_REQUESTS = new TopicSpec<>("enrichment.requests.v1",
            "tracks to enrich, keyed by track key", 3, Cleanup.DELETE, Optional.of(Duration.ofDays(7)),
            Wire.string(), Wire.avro(EnrichmentRequest.class));

    /** Requests whose providers failed, waiting out a growing delay before the next try (stage 1, 2, 3). */
    public static final List<TopicSpec<String, EnrichmentRequest>> ENRICHMENT_RETRIES = List.of(1, 2, 3).stream()
            .map(stage -> new TopicSpec<>("enrichment.retry-" + stage + ".v1",
                    "enrichment requests to try again after retry delay " + stage + ", keyed by track key", 3, Cleanup.DELETE,
                    Optional.of(Duration.ofDays(7)), Wire.string(), Wire.avro(EnrichmentRequest.class)))
            .toList();

    public static final TopicSpec<String, EnrichmentResult> ENRICHMENT_RESULTS = new TopicSpec<>("enrichment.results.v1",
            "what the provider waterfall found per track: value, provider, confidence, time per field; keyed by track key", 3,
            Cleanup.COMPACT, FOREVER, Wire.string(), Wire.avro(EnrichmentResult.class));

    /** Read as a global table by the request step and every worker, so a change applies live. */
    public static final TopicSpec<String, WaterfallRule> CONFIG_ENRICHMENT_WATERFALL = new TopicSpec<>("config.enrichment-waterfall.v1",
            "per field: providers in order, minimum confidence, enabled; keyed by field id", 1, Cleanup.COMPACT, FOREVER,
            Wire.string(), Wire.avro(WaterfallRule.class));

    /** Backs the workers' caches, so a restart does not ask providers again what is still fresh. */
    public static final TopicSpec<String, ProviderAnswer> ENRICHMENT_PROVIDER_CACHE = new TopicSpec<>("enrichment.provider-cache.v1",
            "providers' answers with their expiry, keyed by provider|question", 3, Cleanup.COMPACT, FOREVER,
            Wire.string(), Wire.avro(ProviderAnswer.class));

    public static final TopicSpec<byte[], byte[]> DLQ_ENRICHMENT = new TopicSpec<>("dlq.enrichment.v1",
            "enrichment requests that failed every retry or could not be read, byte-exact, reason in headers", 1, Cleanup.DELETE,
            Optional.of(Duration.ofDays(30)), Wire.bytes("original bytes"), Wire.bytes("original bytes"));

    public static final TopicSpec<byte[], byte[]> DLQ_GOLD = new TopicSpec<>("dlq.gold.v1",
            "records the Gold topologies could not process, byte-exact, reason in headers", 1, Cleanup.DELETE,
            Optional.of(Duration.ofDays(30)), Wire.bytes("original bytes"), Wire.bytes("original bytes"));

    public static final List<TopicSpec<?, ?>> ALL = List.of(SCHEMAS, SCRAPE_REQUESTS, SCRAPE_SEEN_URLS, DLQ_SCRAPE_REQUESTS,
            BRONZE_PLAYLISTS, SILVER_PLAYLISTS, SILVER_TRACK_PLAYS, DLQ_SILVER, GOLD_SOURCE_HEALTH, ALERTS_SILENT_FAILURES, DLQ_ALERTS, GOLD_TRANSITIONS, GOLD_TRACKS, GOLD_ARTISTS,
            DLQ_GOLD, ENRICHMENT_REQUESTS, ENRICHMENT_RETRIES.get(0), ENRICHMENT_RETRIES.get(1), ENRICHMENT_RETRIES.get(2),
            ENRICHMENT_RESULTS, CONFIG_ENRICHMENT_WATERFALL, ENRICHMENT_PROVIDER_CACHE, DLQ_ENRICHMENT);

    private Topics() {
    }
}
