package io.songnodes.scrape.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one polite fetch (retries included): what came back, or why nothing was fetched.
 *
 * @param status the last HTTP status, or -1 when no HTTP exchange happened
 */
public record FetchResult(Kind kind, int status, byte[] body, Charset charset, Duration elapsed, int attempts, Optional<String> problem) {

    public enum Kind {
        /** A 2xx answer with a body. */
        FETCHED,
        /** 304: the page is unchanged since the last fetch (conditional GET). */
        NOT_MODIFIED,
        /** No usable answer: 4xx/5xx after retries, I/O error, redirect off-site, body too large, circuit open. */
        HTTP_ERROR,
        /** robots.txt forbids the path (or could not be read). */
        ROBOTS_DISALLOWED,
        /** Not a URL of a configured source, so never fetched. */
        REFUSED
    }

    public String text() {
        return new String(body, charset);
    }

    /** A page read from a saved file: fetched, but with no HTTP exchange. */
    public static FetchResult savedPage(byte[] body) {
        return new FetchResult(Kind.FETCHED, -1, body, StandardCharsets.UTF_8, Duration.ZERO, 1, Optional.empty());
    }

    static FetchResult notFetched(Kind kind, String problem) {
        return new FetchResult(kind, -1, new byte[0], StandardCharsets.UTF_8, Duration.ZERO, 0, Optional.of(problem));
    }
}
