package io.songnodes.app;

import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --duration} of the long-running commands: how long to stay up before stopping by themselves. */
final class RunDurationOption {

    @Option(names = "--duration", paramLabel = "<duration>",
            description = "Stop after this long (e.g. 30s, 5m); default: run until Ctrl-C.")
    private Duration duration;

    Optional<Duration> duration() {
        return Optional.ofNullable(duration);
    }
}
