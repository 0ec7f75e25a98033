package io.songnodes.enrich.providers;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach one provider: its base URL (configurable, so tests and the demo point it at a
 * local server), an auth URL where it has one (Spotify's token endpoint), the User-Agent to send,
 * the per-request timeout, and its credentials (from the environment only; never logged).
 */
public record ProviderSettings(String name, URI baseUrl, Optional<URI> authUrl, String userAgent, Duration timeout,
                               Map<String, String> credentials) {

    public ProviderSettings {
        credentials = Map.copyOf(credentials);
    }

    /** A credential the provider cannot work without. */
    public String credential(String key) {
        String value = credentials.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " needs its " + key + " (see docs/enrichment.md)");
        }
        return value;
    }

    @Override
    public String toString() {
        return "ProviderSettings[" + name + " " + baseUrl + ", credentials " + credentials.keySet() + "]";
    }
}
