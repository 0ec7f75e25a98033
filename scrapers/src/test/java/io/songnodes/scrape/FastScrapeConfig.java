package io.songnodes.scrape;

import io.songnodes.platform.config.SongNodesConfig;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Scrape settings for tests against simulators: the same code, shorter waits. */
public final class FastScrapeConfig {

    public static final String INTERVAL = "200ms";

    private FastScrapeConfig() {
    }

    public static SongNodesConfig of(URI mixesDb, URI tracklists, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "SONGNODES_SCRAPE_MIXESDB_BASE_URL", mixesDb.toString(),
                "SONGNODES_SCRAPE_1001TRACKLISTS_BASE_URL", tracklists.toString(),
                "SONGNODES_SCRAPE_MIXESDB_INTERVAL", INTERVAL,
                "SONGNODES_SCRAPE_1001TRACKLISTS_INTERVAL", INTERVAL,
                "SONGNODES_SCRAPE_BACKOFF_BASE", "20ms",
                "SONGNODES_SCRAPE_BACKOFF_MAX", "1s",
                "SONGNODES_SCRAPE_MAX_ATTEMPTS", "3"));
        env.putAll(more);
        return SongNodesConfig.from(env);
    }
}
