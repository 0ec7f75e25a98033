package io.songnodes.platform.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real captures from the live sites in {@code ../shared/fixtures/}, beside the repository. They are
 * read where they are, never copied in; a test that needs one is skipped with a clear message
 * where the folder is absent (the project's own fixtures cover the same shapes).
 */
public final class SharedFixtures {

    private SharedFixtures() {
    }

    /** The capture's path, or the calling test is skipped (JUnit assumption) when it is not there. */
    public static Path require(String relative) {
        Path path = root().resolve(relative);
        assumeTrue(Files.isRegularFile(path), "skipped: real capture ../shared/fixtures/" + relative
                + " is absent on this machine; the project's own fixtures cover the same shapes");
        return path;
    }

    public static String read(String relative) {
        try {
            return Files.readString(require(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code <repository>/../shared/fixtures}, found from the module directory Maven runs tests in. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(".ci")) && !Files.isRegularFile(dir.resolve("songnodes"))) {
            dir = dir.getParent();
        }
        Path repository = dir == null ? Path.of("").toAbsolutePath() : dir;
        return repository.resolveSibling("shared").resolve("fixtures");
    }
}
