package io.songnodes.scrape;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one spelling of a URL that requests are keyed and deduplicated by: lower-case scheme and
 * host, no default port, no fragment, no trailing {@code ?}.
 */
public final class CanonicalUrl {

    private CanonicalUrl() {
    }

    /** @throws IllegalArgumentException for anything that is not an absolute http(s) URL */
    public static URI of(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
        String query = uri.getRawQuery() == null || uri.getRawQuery().isEmpty() ? "" : "?" + uri.getRawQuery();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port < 0 || defaultPort ? "" : ":" + port) + path + query);
    }
}
