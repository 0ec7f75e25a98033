package io.songnodes.scrape.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which URLs may be fetched at all. Scrape requests arrive on a topic anyone with access can write
 * to, so only the hosts of configured sources are fetched (scheme, host and port exactly as
 * configured): no other host, no private address, no credentials in URLs, no redirect elsewhere.
 */
public final class UrlPolicy {

    private final Set<String> allowedOrigins;

    public UrlPolicy(Set<URI> sourceBaseUrls) {
        this.allowedOrigins = sourceBaseUrls.stream().map(UrlPolicy::origin).collect(Collectors.toUnmodifiableSet());
    }

    /** Empty when the URL may be fetched, else why not. */
    public Optional<String> refusal(URI url) {
        if (url.getScheme() == null || !(url.getScheme().equalsIgnoreCase("http") || url.getScheme().equalsIgnoreCase("https"))) {
            return Optional.of("only http(s) URLs are fetched: " + url.getScheme());
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("URLs with credentials are never fetched");
        }
        if (url.getHost() == null || !allowedOrigins.contains(origin(url))) {
            return Optional.of("host " + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                    + " is not a configured source (allowed: " + String.join(", ", allowedOrigins) + ")");
        }
        return Optional.empty();
    }

    /** scheme://host:port with the default port made explicit, so the same site compares equal. */
    public static String origin(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + (url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
    }
}
