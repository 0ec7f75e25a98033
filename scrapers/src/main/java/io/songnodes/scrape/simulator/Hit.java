package io.songnodes.scrape.simulator;

import java.time.Instant;

/** One request a simulator answered: when, which path, and the status it got. */
public record Hit(Instant at, String path, int status) {
}
