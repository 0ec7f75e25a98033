package io.songnodes.enrich;

import io.songnodes.enrich.providers.ProviderSettings;
import io.songnodes.platform.config.SongNodesConfig;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** One provider's settings from {@code songnodes.enrich.<provider>.*}; credentials from the environment only. */
public record ProviderConfig(ProviderSettings settings, boolean enabled, double requestsPerSecond, long dailyBudget, double costPerCall,
                             Duration cacheTtl) {

    /** The credential settings each provider reads, by provider; their values are never logged. */
    private static final Map<String, String[]> CREDENTIALS = Map.of(
            "spotify", new String[] {"client_id", "client_secret"}, "lastfm", new String[] {"api_key"}, "discogs", new String[] {"token"});

    public static ProviderConfig from(SongNodesConfig config, String provider, String userAgent) {
        String prefix = "songnodes.enrich." + provider + ".";
        Map<String, String> credentials = new HashMap<>();
        for (String key : CREDENTIALS.getOrDefault(provider, new String[0])) {
            config.optional(prefix + key.replace('_', '.')).ifPresent(v -> credentials.put(key, v));
        }
        ProviderSettings settings = new ProviderSettings(provider, URI.create(config.string(prefix + "base.url")),
                config.optional(prefix + "auth.url").map(URI::create), userAgent, config.duration("songnodes.enrich.timeout"), credentials);
        return new ProviderConfig(settings, Boolean.parseBoolean(config.string(prefix + "enabled")),
                Double.parseDouble(config.string(prefix + "rate")), Long.parseLong(config.string(prefix + "daily.budget")),
                Double.parseDouble(config.string(prefix + "cost.per.call")), config.duration(prefix + "cache.ttl"));
    }

    /**
     * The strict spacing between two calls: 2 % wider than the rate, because the spacing holds where
     * calls start and the network's jitter must not make the provider see more than its limit.
     */
    public Duration interval() {
        return Duration.ofNanos((long) (1_020_000_000L / requestsPerSecond));
    }
}
