package io.songnodes.silver.lines;

import java.util.Locale;

/** How much a batch of lines yielded: the shares the parser's quality is judged by. */
public final class ParserFigures {

    private long lines;
    private long artistAndTitle;
    private long label;
    private long remixer;
    private long unknown;

    public void add(TrackLine line) {
        lines++;
        if (!line.artists().isEmpty() && line.title().isPresent()) {
            artistAndTitle++;
        }
        if (line.label().isPresent() || line.catalogueNumber().isPresent()) {
            label++;
        }
        if (line.versions().stream().anyMatch(v -> !v.remixers().isEmpty())) {
            remixer++;
        }
        if (line.unknown()) {
            unknown++;
        }
    }

    public long lines() {
        return lines;
    }

    public double artistAndTitleShare() {
        return share(artistAndTitle);
    }

    public double labelShare() {
        return share(label);
    }

    public double remixerShare() {
        return share(remixer);
    }

    public double unknownShare() {
        return share(unknown);
    }

    private double share(long count) {
        return lines == 0 ? 0 : (double) count / lines;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d lines: %.1f%% artist+title, %.1f%% label or catalogue number, %.1f%% with a remixer, %.1f%% unknown",
                lines, 100 * artistAndTitleShare(), 100 * labelShare(), 100 * remixerShare(), 100 * unknownShare());
    }
}
