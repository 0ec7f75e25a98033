package io.songnodes.app;

import io.songnodes.platform.Platform;
import io.songnodes.platform.config.Durations;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.schemas.scrape.ScrapeReason;
import io.songnodes.scrape.ScrapeRequestPublisher;
import io.songnodes.scrape.ScrapeSites;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
        SongNodesConfig config = cli.config();
        say(out, "SongNodes demo: starting the platform");
        try (RunUntil running = new RunUntil();
             DemoSites sites = DemoSites.start(config.integer("songnodes.demo.seed"));
             Platform platform = Platform.start(config, line -> say(out, "  " + line))) {
            say(out, "Site simulators: " + sites.describe());
            List<URI> seeds = sites.seeds();
            // The round trip's record is a real request: the first seed, which the scraper then fetches.
            if (!roundTrip(platform, seeds.get(0), out)) {
                return 1;
            }
            SongNodesConfig scraping = sites.configure(config);
            try (BronzeTally tally = new BronzeTally(platform.kafka(), platform.registry());
                 ScrapeRequestPublisher requests = new ScrapeRequestPublisher(platform.kafka(), platform.registry(),
                         ScrapeSites.fromConfig(scraping, Clock.systemUTC()), Clock.systemUTC())) {
                Scraping.start(platform, scraping);
                seeds.subList(1, seeds.size()).forEach(url -> requests.publish(url, ScrapeReason.MANUAL));
                say(out, "Scraper: " + seeds.size() + " scrape requests published (MixesDB mixes, 1001Tracklists searches)");
                say(out, "Schema registry: " + platform.registryUrl());
                say(out, "Metrics:         " + platform.http().baseUrl() + "/metrics");
                say(out, "Readiness:       " + platform.http().baseUrl() + "/health/ready");
                say(out, run.duration().map(d -> "Running for " + Durations.format(d) + " (Ctrl-C to stop sooner)")
                        .orElse("Running until Ctrl-C"));
                showProgress(running, tally, out);
                say(out, "Stopping");
            }
        }
        say(out, "Stopped");
        return 0;
    }

    /** Prints the running count of Bronze events per source and outcome whenever it changes. */
    private void showProgress(RunUntil running, BronzeTally tally, PrintWriter out) throws InterruptedException {
        long deadline = run.duration().map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
        String shown = "";
        while (true) {
            long left = deadline - System.nanoTime();
            boolean goOn = left > 0 && running.pause(Duration.ofNanos(Math.min(left, PROGRESS_EVERY.toNanos())));
            String now = tally.summary();
            if (!now.isEmpty() && !now.equals(shown)) {
                say(out, "Bronze events: " + now);
                shown = now;
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

    private static void say(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }
}
