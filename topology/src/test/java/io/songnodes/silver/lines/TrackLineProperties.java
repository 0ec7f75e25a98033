package io.songnodes.silver.lines;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The parser never throws, and reading its own canonical line gives the same parse. */
class TrackLineProperties {

    private final TrackLineParser parser = new TrackLineParser();

    /** Everything but the raw text, which of course differs. */
    private static String parsed(TrackLine line) {
        return line.cue() + "|" + line.cueSeconds() + "|" + line.withPrevious() + "|" + line.artists() + "|" + line.mashup() + "|"
                + line.featured() + "|" + line.title() + "|" + line.versions() + "|" + line.label() + "|" + line.catalogueNumber() + "|"
                + line.unreleased() + "|" + line.unknown() + "|" + line.trackKey();
    }

    private void assertIdempotent(String raw) {
        TrackLine once = parser.parse(raw);
        TrackLine twice = parser.parse(once.canonical());
        assertThat(parsed(twice)).as("raw %s -> canonical %s", raw, once.canonical()).isEqualTo(parsed(once));
    }

    @Property(tries = 2000)
    void neverThrowsOnAnyText(@ForAll String anything) {
        TrackLine line = parser.parse(anything);
        assertThat(line.parserVersion()).isEqualTo(TrackLineParser.VERSION);
        assertThat(line.unknown() || line.title().isPresent()).isTrue();
    }

    @Property(tries = 3000)
    void isIdempotentOnItsCanonicalOutputForTrickyText(@ForAll("tricky") String raw) {
        assertIdempotent(raw);
    }

    @Property(tries = 2000)
    void isIdempotentOnItsCanonicalOutputForRealisticLines(@ForAll("realistic") String raw) {
        assertIdempotent(raw);
    }

    /** Short strings made of the characters and words that give lines their structure. */
    @Provide
    Arbitrary<String> tricky() {
        Arbitrary<String> token = Arbitraries.of(" - ", "-", " ", "(", ")", "[", "]", "&", ",", "?", "ID", "w/", "feat.", " ft. ",
                " vs. ", " x ", " and ", "Remix", "Mix", "Dub", "VIP", "Extended", "Label", "KW 20", "Ø", "é", "\u2013", "\u201C",
                "#", "[07]", "[??]", "[1:07:30]", "Unknown", "Unreleased", "a", "B", "7", ":", ".", "pres.", "\u200B");
        return token.list().ofMaxSize(14).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> realistic() {
        Arbitrary<String> name = Arbitraries.of("Ben Klock", "Ø [Phase]", "Rødhad", "DJ Deep", "Len Faki", "Dubfire", "Tiesto",
                "Oasis", "deadmau5", "Marcel Dettmann", "?", "ID");
        Arbitrary<String> artists = name.list().ofMinSize(1).ofMaxSize(3)
                .map(ns -> String.join(Arbitraries.of(" & ", ", ", " vs. ", " x ").sample(), ns));
        Arbitrary<String> title = Arbitraries.of("Transport", "Wonderwall", "Sombre Tones", "Revision 02", "?", "ID", "Strobe (Part 2)");
        Arbitrary<String> version = Arbitraries.of("", " (Carl Craig Remix)", " (DJ Deep & Roman Poncet Rework)", " (Floatation Mix)",
                " (VIP)", " (Dub)", " (Extended Mix)", " (Ben Klock Process)", " (feat. Someone)");
        Arbitrary<String> label = Arbitraries.of("", " [Klockworks - KW 20]", " [KW 20]", " [Ostgut Ton]", " [Unreleased]");
        Arbitrary<String> cue = Arbitraries.of("", "[00:00] ", "[07] ", "[000] ", "[1:07:30] ", "[??] ");
        Arbitrary<String> with = Arbitraries.of("", "w/ ");
        return Combinators.combine(cue, with, artists, title, version, label)
                .as((c, w, a, t, v, l) -> c + w + a + " - " + t + v + l);
    }
}
