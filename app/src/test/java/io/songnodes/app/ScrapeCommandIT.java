package io.songnodes.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.songnodes.platform.kafka.KafkaConnection;
import io.songnodes.platform.registry.EmbeddedSchemaRegistry;
import io.songnodes.platform.testkit.SharedFixtures;
import io.songnodes.platform.testkit.SharedKafka;
import io.songnodes.scrape.simulator.Catalog;
import io.songnodes.scrape.simulator.SiteSimulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedKafka.class)
class ScrapeCommandIT {

    @TempDir
    Path dir;

    @Test
    void backfillPublishesEachUrlOnceAndResumes(KafkaConnection kafka, EmbeddedSchemaRegistry registry) throws Exception {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "SCHEMA_REGISTRY_URL", registry.url().toString());
        assertThat(CliRun.of(env, "topics", "apply").exitCode()).isZero();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path urls = Files.write(dir.resolve("urls.txt"), List.of(
                "# failed MixesDB pages to scrape again",
                "https://www.mixesdb.com/w/2020-01-01_-_A_" + run,
                "",
                "https://www.mixesdb.com/w/2020-01-02_-_B_" + run,
                "https://WWW.MIXESDB.COM/w/2020-01-01_-_A_" + run));

        CliRun first = CliRun.of(env, "scrape", "backfill", "--file", urls.toString(), "--delay", "10ms");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("2 published, 1 skipped");
        assertThat(first.err()).contains("[##############################] 3/3");

        CliRun again = CliRun.of(env, "scrape", "backfill", "--file", urls.toString());
        assertThat(again.out()).contains("0 published, 3 skipped");
    }

    @Test
    void scrapeUrlPrintsTheBronzeEventOfOnePage() {
        try (SiteSimulator site = SiteSimulator.start(SiteSimulator.Site.TRACKLISTS_1001, Catalog.generate(Catalog.Shape.demo(3)))) {
            URI page = site.playlistUrls().get(0);
            CliRun run = CliRun.of(Map.of("SONGNODES_SCRAPE_1001TRACKLISTS_BASE_URL", site.baseUrl().toString(),
                    "SONGNODES_SCRAPE_1001TRACKLISTS_INTERVAL", "50ms"), "scrape", "url", page.toString(), "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("\"outcome\": \"OK\"", "\"source\": \"1001tracklists\"", "\"raw_text\"");
        }
    }

    @Test
    void aSavedRealPageIsCheckedWithSource() {
        Path saved = SharedFixtures.require("1001tracklists/19h6nw7t-ok.html");
        CliRun run = CliRun.of(Map.of(), "scrape", "url", saved.toUri().toString(), "--source", "1001tracklists");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(": OK", "rows: 12 (page declares 12)", "Alex Bau - Antidot", "(ID)");
    }
}
