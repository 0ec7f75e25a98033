package io.songnodes.silver;

import io.songnodes.schemas.bronze.BronzePlaylist;
import io.songnodes.schemas.silver.TrackPlay;
import java.util.List;
import java.util.Optional;

/**
 * A named data-quality check on one Bronze playlist and its parsed plays, with the action taken
 * when it fails (overridable per deployment). All of them are declared in {@link Expectations}.
 */
public record Expectation(String name, ExpectationAction defaultAction, String description, Check check) {

    /** Empty when the playlist passes, else why it fails. */
    @FunctionalInterface
    public interface Check {
        Optional<String> failure(BronzePlaylist bronze, List<TrackPlay> plays);
    }

    /** The setting that overrides the action: {@code songnodes.silver.expectation.<name with dots>}. */
    public String setting() {
        return "songnodes.silver.expectation." + name.replace('_', '.');
    }
}
