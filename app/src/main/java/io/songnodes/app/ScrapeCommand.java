package io.songnodes.app;

import io.songnodes.platform.Platform;
import io.songnodes.platform.config.ConfigException;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.kafka.TopicReader;
import io.songnodes.platform.registry.SchemaRegistryClient;
import io.songnodes.platform.topics.Topics;
import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.bronze.RawTrackRow;
import io.songnodes.schemas.scrape.ScrapeReason;
import io.songnodes.scrape.CanonicalUrl;
import io.songnodes.scrape.ScrapeRequestPublisher;
import io.songnodes.scrape.ScrapeSites;
import io.songnodes.scrape.SiteScraper;
import io.songnodes.scrape.fetch.FetchResult;
import io.songnodes.platform.outbound.HostThrottle;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** One-off scrapes, backfills and the long-running scraper service. */
@Command(name = "scrape", mixinStandardHelpOptions = true,
        description = "Scrape DJ-set pages from MixesDB and 1001Tracklists into Bronze.",
        subcommands = {ScrapeCommand.Url.class, ScrapeCommand.Backfill.class, ScrapeCommand.Run.class})
final class ScrapeCommand {

    @ParentCommand
    private SongNodesCli cli;

    @Command(name = "url", mixinStandardHelpOptions = true,
            description = {"Scrape one page and print its Bronze event (nothing is published).",
                    "With --source, any URL (or file:) is parsed as that source's page: how a saved page is checked."})
    static final class Url implements Callable<Integer> {

        @ParentCommand
        private ScrapeCommand scrape;

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "<URL>", description = "Page URL, or file:/path/to/saved-page.html with --source.")
        private URI url;

        @Option(names = "--source", paramLabel = "mixesdb|1001tracklists", description = "Parse the page as this source's.")
        private String source;

        @Option(names = "--json", description = "Print the Bronze event as JSON.")
        private boolean json;

        @Override
        public Integer call() throws Exception {
            SongNodesConfig config = scrape.cli.config();
            BronzePlaylist bronze = "file".equals(url.getScheme()) ? fromFile(config) : fetched(config);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(bronze);
            } else {
                describe(bronze, out);
            }
            return 0;
        }

        private BronzePlaylist fromFile(SongNodesConfig config) throws IOException {
            SiteScraper site = site(ScrapeSites.fromConfig(config, Clock.systemUTC()));
            String id = Path.of(url).getFileName().toString();
            return site.fromFetched(url, id, FetchResult.savedPage(Files.readAllBytes(Path.of(url))), Instant.now());
        }

        private BronzePlaylist fetched(SongNodesConfig config) throws InterruptedException {
            URI canonical = CanonicalUrl.of(url.toString());
            SongNodesConfig scoped = source == null ? config
                    : config.with("songnodes.scrape." + source + ".base.url", canonical.resolve("/").toString());
            ScrapeSites sites = ScrapeSites.fromConfig(scoped, Clock.systemUTC());
            SiteScraper site = source == null ? sites.siteFor(canonical).orElseThrow(() -> new ConfigException("URL",
                    canonical.getHost() + " is not a configured source; pass --source to parse it as one")) : site(sites);
            if (site.playlistId(canonical).isEmpty()) {
                throw new ConfigException("URL", "not a playlist page of " + site.source() + ": " + canonical);
            }
            return site.scrape(canonical, sites.fetcher(HostThrottle.realTime(), new SecureRandom())).playlist().orElseThrow();
        }

        private SiteScraper site(ScrapeSites sites) {
            if (source == null) {
                throw new ConfigException("--source", "required to parse a saved page (mixesdb or 1001tracklists)");
            }
            return sites.site(source).orElseThrow(() -> new ConfigException("--source", "unknown source " + source
                    + " (mixesdb or 1001tracklists)"));
        }

        private static void describe(BronzePlaylist b, PrintWriter out) {
            out.printf("%s %s: %s%s%n", b.getSource(), b.getSourcePlaylistId(), b.getOutcome(),
                    b.getScrapeError() == null ? "" : " (" + b.getScrapeError() + ")");
            out.printf("  title: %s%n  djs: %s  date: %s  venue: %s%n", b.getTitle(), b.getDjs(), b.getPlayedOn(), b.getVenue());
            out.printf("  rows: %d%s  http: %s  sha256: %s  parser: %s%n", b.getTracks().size(),
                    b.getDeclaredTrackCount() == null ? "" : " (page declares " + b.getDeclaredTrackCount() + ")",
                    b.getHttpStatus(), b.getContentSha256(), b.getParserVersion());
            for (RawTrackRow row : b.getTracks()) {
                out.printf("  %3d %-9s %s%s%n", row.getPosition(), row.getCue() == null ? "" : "[" + row.getCue() + "]", row.getRawText(),
                        row.getIsId() ? "   (ID)" : "");
            }
        }
    }

    @Command(name = "backfill", mixinStandardHelpOptions = true,
            description = {"Publish a scrape request for every URL in a file (one per line, # comments).",
                    "Resumable: URLs already requested are skipped. Needs KAFKA_BOOTSTRAP_SERVERS and SCHEMA_REGISTRY_URL."})
    static final class Backfill implements Callable<Integer> {

        @ParentCommand
        private ScrapeCommand scrape;

        @Spec
        private CommandSpec spec;

        @Option(names = "--file", required = true, paramLabel = "<urls.txt>", description = "The URLs to request.")
        private Path file;

        @Option(names = "--delay", paramLabel = "<duration>", defaultValue = "0s",
                description = "Pause between two published requests (default: ${DEFAULT-VALUE}); fetching keeps its own per-host pace.")
        private Duration delay;

        @Override
        public Integer call() throws Exception {
            SongNodesConfig config = scrape.cli.config();
            SchemaRegistryClient registry = scrape.cli.externalRegistry("backfill");
            KafkaConnection kafka = scrape.cli.externalKafka("backfill");
            ScrapeSites sites = ScrapeSites.fromConfig(config, Clock.systemUTC());
            List<URI> urls = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    urls.add(CanonicalUrl.of(line));
                }
            }
            Set<String> requested = alreadyRequested(kafka);
            Progress progress = new Progress(spec.commandLine().getErr(), urls.size());
            try (ScrapeRequestPublisher publisher = new ScrapeRequestPublisher(kafka, registry, sites,
                    Clock.systemUTC())) {
                for (URI url : urls) {
                    if (!requested.add(url.toString())) {
                        progress.skipped();
                        continue;
                    }
                    publisher.publish(url, ScrapeReason.BACKFILL);
                    progress.published();
                    if (!delay.isZero() && progress.done() < urls.size()) {
                        Thread.sleep(delay.toMillis());
                    }
                }
            }
            progress.finish();
            spec.commandLine().getOut().printf("%d published, %d skipped (already requested)%n", progress.publishedCount(), progress.skippedCount());
            return 0;
        }

        /** The keys of scrape.requests.v1: every URL ever requested and still retained. */
        private static Set<String> alreadyRequested(KafkaConnection kafka) {
            Set<String> keys = new HashSet<>();
            TopicReader.readToEnd(kafka, Topics.SCRAPE_REQUESTS.name(), new StringDeserializer(), new ByteArrayDeserializer(),
                    Duration.ofSeconds(60), r -> Optional.ofNullable(r.key()).ifPresent(keys::add));
            return keys;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the scraper service: consume scrape.requests.v1, publish to bronze.playlists.v1.")
    static final class Run implements Callable<Integer> {

        @ParentCommand
        private ScrapeCommand scrape;

        @Spec
        private CommandSpec spec;

        @Mixin
        private RunDurationOption run;

        @Override
        public Integer call() throws Exception {
            SongNodesConfig config = scrape.cli.config();
            PrintWriter out = spec.commandLine().getOut();
            try (RunUntil running = new RunUntil(); Platform platform = Platform.start(config, line -> out.println("  " + line))) {
                Scraping.start(platform, config);
                out.println("Scraper running; Ctrl-C to stop");
                out.flush();
                running.await(run.duration());
            }
            return 0;
        }
    }
}
