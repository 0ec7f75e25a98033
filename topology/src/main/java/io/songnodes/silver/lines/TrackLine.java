package io.songnodes.silver.lines;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * One tracklist line, parsed: who (primary artists, a mashup or not, featured artists), what
 * (title and every version with its remixers), on which label, when (cue), and whether the play is
 * unknown. {@link #canonical()} writes it back as a line that parses to the same thing.
 */
public record TrackLine(String raw, Optional<String> cue, OptionalInt cueSeconds, boolean withPrevious,
                        List<String> artists, boolean mashup, List<String> featured, Optional<String> title,
                        List<Version> versions, Optional<String> label, Optional<String> catalogueNumber, boolean unreleased,
                        boolean unknown, Optional<TrackKey> trackKey, String parserVersion) {

    public TrackLine {
        artists = List.copyOf(artists);
        featured = List.copyOf(featured);
        versions = List.copyOf(versions);
    }

    /** A version of a track: {@code Carl Craig Remix} is remixers [Carl Craig] and name {@code Remix}; {@code Extended Mix} has no remixer. */
    public record Version(String name, List<String> remixers) {
        public Version {
            remixers = List.copyOf(remixers);
        }

        public String display() {
            return remixers.isEmpty() ? name : String.join(" & ", remixers) + " " + name;
        }
    }

    /** The cue ends with {@code ??}: the position is known, its time is not. */
    public boolean cueUnknown() {
        return cue.isPresent() && cueSeconds.isEmpty();
    }

    /** {@code [cue] w/ Artist & Artist feat. X - Title (Remixer Remix) [Label - CatNo]}: parses back to this line. */
    public String canonical() {
        StringBuilder line = new StringBuilder();
        cue.ifPresent(c -> line.append('[').append(c).append("] "));
        if (withPrevious) {
            line.append("w/ ");
        }
        String feat = featured.isEmpty() ? "" : " feat. " + String.join(" & ", featured);
        String versionsText = versions.stream().map(v -> " (" + v.display() + ")").collect(Collectors.joining());
        if (!artists.isEmpty() || unknown) {
            String who = artists.isEmpty() ? "?" : String.join(mashup ? " vs. " : " & ", artists);
            line.append(who).append(feat).append(" - ").append(title.orElse("?")).append(versionsText);
        } else {
            // No artist but a title: featuring stays with the title so the line keeps no artist.
            line.append(title.orElse("?")).append(feat).append(versionsText);
        }
        Optional<String> labelText = renderLabel();
        if (labelText.isEmpty() && versions.isEmpty() && title.filter(t -> t.endsWith("]")).isPresent() && (!artists.isEmpty() || unknown)) {
            // The title ends in a bracket that is not a label: an empty label bracket keeps it in the title.
            labelText = Optional.of("[? - ?]");
        }
        labelText.ifPresent(l -> line.append(' ').append(l));
        return line.toString();
    }

    private Optional<String> renderLabel() {
        if (unreleased) {
            return Optional.of("[Unreleased]");
        }
        if (label.isPresent() && catalogueNumber.isPresent()) {
            return Optional.of("[" + label.get() + " - " + catalogueNumber.get() + "]");
        }
        // A lone bracket is read as a catalogue number when it looks like one; say which it is when it could be misread.
        if (label.isPresent()) {
            boolean misread = LabelBracket.looksLikeCatalogueNumber(label.get()) || TrackLineParser.readsAsVersion(label.get());
            return Optional.of(misread ? "[" + label.get() + " - ?]" : "[" + label.get() + "]");
        }
        return catalogueNumber.map(c -> LabelBracket.looksLikeCatalogueNumber(c) && !TrackLineParser.readsAsVersion(c)
                ? "[" + c + "]" : "[? - " + c + "]");
    }
}
