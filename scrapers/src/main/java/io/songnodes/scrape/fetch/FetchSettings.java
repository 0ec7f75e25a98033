package io.songnodes.scrape.fetch;

import io.songnodes.platform.config.SongNodesConfig;
import java.time.Duration;

/**
 * How politely and defensively pages are fetched; from {@code SONGNODES_SCRAPE_*} settings.
 *
 * @param userAgent sent with every request: product token, version and a contact
 * @param maxAttempts tries per page, retries included, on 429, 5xx and I/O errors
 */
public record FetchSettings(String userAgent, String productToken, Duration connectTimeout, Duration readTimeout, int maxBodyBytes,
                            int maxAttempts, Duration backoffBase, Duration backoffMax, Duration robotsTtl,
                            int breakerWindow, Duration breakerOpenFor) {

    public static FetchSettings from(SongNodesConfig config) {
        String token = config.string("songnodes.scrape.user.agent.token");
        String userAgent = token + "/0.1 (+" + config.string("songnodes.scrape.contact") + ")";
        return new FetchSettings(userAgent, token,
                config.duration("songnodes.scrape.connect.timeout"), config.duration("songnodes.scrape.read.timeout"),
                config.integer("songnodes.scrape.max.body.bytes"), config.integer("songnodes.scrape.max.attempts"),
                config.duration("songnodes.scrape.backoff.base"), config.duration("songnodes.scrape.backoff.max"),
                config.duration("songnodes.scrape.robots.ttl"), config.integer("songnodes.scrape.breaker.window"),
                config.duration("songnodes.scrape.breaker.open.for"));
    }
}
