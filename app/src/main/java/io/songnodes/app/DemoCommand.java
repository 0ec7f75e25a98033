package io.songnodes.app;

import io.songnodes.enrich.EnrichmentService;
import io.songnodes.platform.Platform;
import io.songnodes.platform.kafka.TopicReader;
import io.songnodes.schemas.gold.Track;
import io.songnodes.platform.config.Durations;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.scrape.ScrapeReason;
import io.songnodes.schemas.silver.SilverPlaylist;
import io.songnodes.scrape.ScrapeRequestPublisher;
import io.songnodes.scrape.ScrapeSites;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The main job on its embedded default: a real KRaft broker and schema registry in this process
 * (or the configured external ones), the declared topics, an Avro record round-tripped through
 * them, the HTTP server with health and metrics, and the real scrapers working against the site
 * simulators into Bronze, up until Ctrl-C or {@code --duration}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run SongNodes on its embedded default: Kafka broker, schema registry, topics, HTTP server,",
                "and the scrapers against the bundled site simulators into Bronze.",
                "Uses KAFKA_BOOTSTRAP_SERVERS / SCHEMA_REGISTRY_URL instead when they are set."})
final class DemoCommand implements Callable<Integer> {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    @ParentCommand
    private SongNodesCli cli;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunDurationOption run;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path stateDir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("user.home"), ".songnodes")),
                "demo-streams-");
        // A fresh broker each run: Streams state from an earlier run would describe topics that no longer exist.
        SongNodesConfig base = cli.config();
        SongNodesConfig config = base.with("songnodes.streams.state.dir", stateDir.toString())
                // short windows, so a broken source is noticed within the demo
                .with("songnodes.alerts.window", base.string("songnodes.demo.alerts.window"))
                .with("songnodes.alerts.rate.window", base.string("songnodes.demo.alerts.window"))
                .with("songnodes.alerts.bucket", base.string("songnodes.demo.alerts.bucket"))
                .with("songnodes.alerts.punctuation", base.string("songnodes.demo.alerts.punctuation"));
        say(out, "SongNodes demo: starting the platform");
        try {
            return run(config, out);
        } finally {
            deleteRecursively(stateDir);
        }
    }

    private Integer run(SongNodesConfig config, PrintWriter out) throws Exception {
        try (RunUntil running = new RunUntil();
             DemoSites sites = DemoSites.start(config.integer("songnodes.demo.seed"),
                     Double.parseDouble(config.string("songnodes.demo.provider.failure.rate")));
             Platform platform = Platform.start(config, line -> say(out, "  " + line))) {
            say(out, "Site simulators: " + sites.describe());
            List<URI> seeds = sites.seeds();
            // The round trip's record is a real request: the first seed, which the scraper then fetches.
            if (!roundTrip(platform, seeds.get(0), out)) {
                return 1;
            }
            SongNodesConfig scraping = sites.configure(config);
            try (TopicTally<BronzePlaylist> bronze = new TopicTally<>(platform.kafka(), Topics.BRONZE_PLAYLISTS.name(),
                         Topics.BRONZE_PLAYLISTS.valueSerde(platform.registry()).deserializer(), BronzePlaylist::getSource, b -> b.getOutcome().name());
                 TopicTally<SilverPlaylist> silver = new TopicTally<>(platform.kafka(), Topics.SILVER_PLAYLISTS.name(),
                         Topics.SILVER_PLAYLISTS.valueSerde(platform.registry()).deserializer(), SilverPlaylist::getSource, p -> p.getStatus().name());
                 ScrapeRequestPublisher requests = new ScrapeRequestPublisher(platform.kafka(), platform.registry(),
                         ScrapeSites.fromConfig(scraping, Clock.systemUTC()), Clock.systemUTC())) {
                Silver.start(platform, config);
                Alerts.start(platform, config);
                Gold.start(platform, config);
                EnrichmentService enrichment = Enrichment.start(platform, demoEnrichment(sites, config)).orElseThrow();
                enrichment.providers().forEach(p -> p.onBreakerChange(change -> say(out, "Enrichment: " + p.name() + " circuit breaker " + change)));
                Scraping.start(platform, scraping);
                seeds.subList(1, seeds.size()).forEach(url -> requests.publish(url, ScrapeReason.MANUAL));
                say(out, "Scraper: " + seeds.size() + " scrape requests published (MixesDB mixes, 1001Tracklists searches)");
                say(out, "Schema registry: " + platform.registryUrl());
                say(out, "Metrics:         " + platform.http().baseUrl() + "/metrics");
                say(out, "Readiness:       " + platform.http().baseUrl() + "/health/ready");
                say(out, "Gold queries:    " + platform.http().baseUrl() + "/api/tracks?artist=<prefix>, /api/graph/neighbors/<track>, ... (docs/gold.md)");
                say(out, run.duration().map(d -> "Running for " + Durations.format(d) + " (Ctrl-C to stop sooner)")
                        .orElse("Running until Ctrl-C"));
                try (AlertPrinter alerts = new AlertPrinter(platform.kafka(), platform.registry(), platform.metrics().registry(), out);
                     DemoTimeline timeline = DemoTimeline.start(sites, requests, config, line -> say(out, line))) {
                    showProgress(running, Map.of("Bronze events", bronze, "Silver playlists", silver), out);
                }
                Map<String, Track> tracks = TopicReader.table(platform.kafka(), platform.registry(), Topics.GOLD_TRACKS);
                Gold.printSummary(platform, tracks, out, 5);
                EnrichmentSummary.print(platform, tracks.values(), enrichment, out);
                say(out, "Stopping");
            }
        }
        say(out, "Stopped");
        return 0;
    }

    /** Enrichment against the simulated MusicBrainz and Deezer, at a demo's pace. */
    private static SongNodesConfig demoEnrichment(DemoSites sites, SongNodesConfig config) {
        String rate = config.string("songnodes.demo.provider.rate");
        return sites.configureProviders(config).with("songnodes.enrich.musicbrainz.rate", rate).with("songnodes.enrich.deezer.rate", rate)
                .with("songnodes.enrich.retry.delays", config.string("songnodes.demo.enrich.retry.delays"))
                .with("songnodes.enrich.breaker.open.for", config.string("songnodes.demo.enrich.breaker.open.for"))
                .with("songnodes.enrich.recheck.every", config.string("songnodes.demo.alerts.punctuation"));
    }

    /** Prints each tally (Bronze per source and outcome, Silver per source and status) whenever it changes. */
    private void showProgress(RunUntil running, Map<String, TopicTally<?>> tallies, PrintWriter out) throws InterruptedException {
        long deadline = run.duration().map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
        Map<String, String> shown = new java.util.HashMap<>();
        while (true) {
            long left = deadline - System.nanoTime();
            boolean goOn = left > 0 && running.pause(Duration.ofNanos(Math.min(left, PROGRESS_EVERY.toNanos())));
            for (Map.Entry<String, TopicTally<?>> tally : new java.util.TreeMap<>(tallies).entrySet()) {
                String now = tally.getValue().summary();
                if (!now.isEmpty() && !now.equals(shown.get(tally.getKey()))) {
                    say(out, tally.getKey() + ": " + now);
                    shown.put(tally.getKey(), now);
                }
            }
            if (!goOn) {
                return;
            }
        }
    }

    private static boolean roundTrip(Platform platform, URI url, PrintWriter out) throws InterruptedException {
        AvroRoundTrip.Result trip = AvroRoundTrip.run(platform, url.toString());
        say(out, "Round trip through " + trip.partition() + " offset " + trip.offset() + " (schema id " + trip.schemaId() + "):");
        say(out, "  sent     " + trip.sent());
        say(out, "  received " + trip.received());
        if (!trip.matches()) {
            say(out, "Round trip FAILED: the record read back differs from the one written");
            return false;
        }
        say(out, "Round trip OK: decoded with only the registry and the bytes, and into the generated class");
        return true;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void say(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }
}
