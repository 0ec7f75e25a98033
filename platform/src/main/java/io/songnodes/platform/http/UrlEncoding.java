package io.songnodes.platform.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding for a path segment or a query value: a space is {@code %20}, never the form encoding's {@code +}. */
public final class UrlEncoding {

    private UrlEncoding() {
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
