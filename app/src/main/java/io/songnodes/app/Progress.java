package io.songnodes.app;

import java.io.PrintWriter;

/** A one-line progress bar on standard error: {@code [#####-----] 12/40  published 9, skipped 3}. */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private int published;
    private int skipped;

    Progress(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
        draw();
    }

    void published() {
        published++;
        draw();
    }

    void skipped() {
        skipped++;
        draw();
    }

    int done() {
        return published + skipped;
    }

    int publishedCount() {
        return published;
    }

    int skippedCount() {
        return skipped;
    }

    void finish() {
        err.println();
        err.flush();
    }

    private void draw() {
        int filled = total == 0 ? WIDTH : done() * WIDTH / total;
        err.printf("\r[%s%s] %d/%d  published %d, skipped %d", "#".repeat(filled), "-".repeat(WIDTH - filled), done(), total, published, skipped);
        err.flush();
    }
}
