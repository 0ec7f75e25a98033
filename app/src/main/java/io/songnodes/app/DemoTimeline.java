package io.songnodes.app;

import io.songnodes.platform.config.Durations;
import io.songnodes.platform.config.SongNodesConfig;
import io.songnodes.schemas.scrape.ScrapeReason;
import io.songnodes.scrape.ScrapeRequestPublisher;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What happens during the demo: both sites are re-scraped every few seconds; MixesDB breaks after a while (a
 * redesign: pages load, no tracklist), and is repaired later, so the silent-failure alert fires and
 * resolves while you watch ({@code SONGNODES_DEMO_RESCRAPE_EVERY}, {@code _BREAK_AFTER}, {@code _REPAIR_AFTER}). The
 * simulated Deezer is down from the start until {@code SONGNODES_DEMO_DEEZER_REPAIR_AFTER}, so its circuit breaker
 * opens, the waterfall falls through, and what only Deezer knows comes back through the retry topics.
 */
final class DemoTimeline implements AutoCloseable {

    private final ScheduledExecutorService timer;

    private DemoTimeline(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static DemoTimeline start(DemoSites sites, ScrapeRequestPublisher requests, SongNodesConfig config, Consumer<String> say) {
        Duration every = config.duration("songnodes.demo.rescrape.every");
        Duration breakAfter = config.duration("songnodes.demo.break.after");
        Duration repairAfter = config.duration("songnodes.demo.repair.after");
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "songnodes-demo-timeline");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            try {
                sites.playlists().forEach(url -> requests.publish(url, ScrapeReason.RESCRAPE));
            } catch (RuntimeException e) {
                // An exception would cancel every later run silently: say it, and try again next time.
                if (!timer.isShutdown()) {
                    say.accept("Demo: re-scrape requests failed this round: " + e.getMessage());
                }
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        timer.schedule(() -> {
            sites.breakMixesDb(true);
            say.accept("Demo: MixesDB breaks now (its pages load but carry no tracklist); alert window "
                    + Durations.format(config.duration("songnodes.alerts.window")));
        }, breakAfter.toMillis(), TimeUnit.MILLISECONDS);
        timer.schedule(() -> {
            sites.breakMixesDb(false);
            say.accept("Demo: MixesDB repaired");
        }, repairAfter.toMillis(), TimeUnit.MILLISECONDS);
        Duration deezerBack = config.duration("songnodes.demo.deezer.repair.after");
        sites.breakDeezer(true);
        timer.schedule(() -> {
            sites.breakDeezer(false);
            say.accept("Demo: the simulated Deezer answers again; requests waiting on the retry topics will fill their fields");
        }, deezerBack.toMillis(), TimeUnit.MILLISECONDS);
        say.accept("Demo: the simulated Deezer answers 503 until " + Durations.format(deezerBack) + " (its circuit breaker opens; BPM waits for a retry)");
        say.accept("Demo: re-scraping both sites every " + Durations.format(every) + "; MixesDB breaks after "
                + Durations.format(breakAfter) + " and is repaired after " + Durations.format(repairAfter));
        return new DemoTimeline(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
