package io.songnodes.scrape;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The project's own page fixtures, in {@code src/test/resources/fixtures/}. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String read(String relative) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + relative)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + relative);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
