package io.songnodes.silver.lines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackLineParserTest {

    private final TrackLineParser parser = new TrackLineParser();

    private TrackLine parse(String line) {
        return parser.parse(line);
    }

    @Test
    void remixersAreKeptNotTurnedIntoAVersionName() {
        TrackLine line = parse("Jeff Mills - The Bells (Dubfire Remix)");
        assertThat(line.artists()).containsExactly("Jeff Mills");
        assertThat(line.title()).contains("The Bells");
        assertThat(line.versions()).containsExactly(new TrackLine.Version("Remix", List.of("Dubfire")));
        assertThat(parse("X - Y (Ben Klock Process)").versions()).containsExactly(new TrackLine.Version("Process", List.of("Ben Klock")));
        assertThat(parse("X - Y (Floatation Mix)").versions()).containsExactly(new TrackLine.Version("Floatation Mix", List.of()));
        assertThat(parse("X - Y (Extended Mix)").versions()).containsExactly(new TrackLine.Version("Extended Mix", List.of()));
        assertThat(parse("X - Y (VIP)").versions()).containsExactly(new TrackLine.Version("VIP", List.of()));
        assertThat(parse("X - Y (Dub)").versions()).containsExactly(new TrackLine.Version("Dub", List.of()));
    }

    @Test
    void severalVersionsInARowAreAllKept() {
        TrackLine line = parse("Rhythim Is Rhythim - Transport (Carl Craig Remix) (DJ Deep & Roman Poncet Rework)");
        assertThat(line.title()).contains("Transport");
        assertThat(line.versions()).containsExactly(
                new TrackLine.Version("Remix", List.of("Carl Craig")),
                new TrackLine.Version("Rework", List.of("DJ Deep", "Roman Poncet")));
    }

    @Test
    void aMashupIsAMashupOfItsPartsNotOneTitle() {
        TrackLine line = parse("Tiesto vs. Oasis - Wonderwall");
        assertThat(line.artists()).containsExactly("Tiesto", "Oasis");
        assertThat(line.mashup()).isTrue();
        assertThat(line.title()).contains("Wonderwall");
    }

    @Test
    void primaryAndFeaturedArtistsAreSplit() {
        TrackLine line = parse("Adam Beyer & Bart Skils x Layton Giordani, Joel Mull pres. Drumcode feat. Someone & Another - Track (feat. Third)");
        assertThat(line.artists()).containsExactly("Adam Beyer", "Bart Skils", "Layton Giordani", "Joel Mull", "Drumcode");
        assertThat(line.featured()).containsExactly("Someone", "Another", "Third");
        assertThat(line.mashup()).isFalse();
        assertThat(parse("A ft. B - T").featured()).containsExactly("B");
        assertThat(parse("A - T featuring B").featured()).containsExactly("B");
    }

    @Test
    void labelsAndCatalogueNumbers() {
        TrackLine both = parse("Trevino - Sombre Tones [Klockworks - KW 20]");
        assertThat(both.label()).contains("Klockworks");
        assertThat(both.catalogueNumber()).contains("KW 20");
        assertThat(both.title()).contains("Sombre Tones");
        assertThat(parse("A - T [BAO 10YDIG]").catalogueNumber()).contains("BAO 10YDIG");
        assertThat(parse("A - T [BAO 10YDIG]").label()).isEmpty();
        assertThat(parse("A - T [Ostgut Ton]").label()).contains("Ostgut Ton");
        assertThat(parse("A - T [Unreleased]").unreleased()).isTrue();
    }

    @Test
    void aRemixInSquareBracketsWithTheLabelInParentheses() {
        TrackLine line = parse("Telefon Tel Aviv - Immolate Yourself [Ben Klock Remix] (BPitchcontrol)");
        assertThat(line.title()).contains("Immolate Yourself");
        assertThat(line.versions()).containsExactly(new TrackLine.Version("Remix", List.of("Ben Klock")));
        assertThat(line.label()).contains("BPitchcontrol");
    }

    @Test
    void aBracketInAnArtistNameIsNotALabel() {
        TrackLine phase = parse("Ø [Phase] - Binary Opposition [Token - TOKEN 1]");
        assertThat(phase.artists()).containsExactly("Ø [Phase]");
        assertThat(phase.label()).contains("Token");
        assertThat(phase.catalogueNumber()).contains("TOKEN 1");
        assertThat(parse("Rødhad - Ø").artists()).containsExactly("Rødhad");
    }

    @Test
    void cuesInEveryShape() {
        assertThat(parse("[00:00] A - T").cueSeconds()).hasValue(0);
        assertThat(parse("[07] A - T").cueSeconds()).hasValue(420);
        assertThat(parse("[000] A - T").cueSeconds()).hasValue(0);
        assertThat(parse("[1:07:30] A - T").cueSeconds()).hasValue(4050);
        TrackLine unknownCue = parse("[??] A - T");
        assertThat(unknownCue.cue()).contains("??");
        assertThat(unknownCue.cueUnknown()).isTrue();
        assertThat(parser.parse("A - T", Optional.of("12:45")).cueSeconds()).hasValue(765);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?", "ID - ID", "ID", "Unknown", "Cisco Ferreira & Colin Mcbean - ?", "? - Sombre Tones", "??"})
    void unknownTracksAreKeptAsUnknownPlaysWithNoKey(String line) {
        TrackLine parsed = parse(line);
        assertThat(parsed.unknown()).as(line).isTrue();
        assertThat(parsed.trackKey()).as(line).isEmpty();
    }

    @Test
    void unknownsKeepWhatIsKnown() {
        assertThat(parse("Cisco Ferreira & Colin Mcbean - ?").artists()).containsExactly("Cisco Ferreira", "Colin Mcbean");
        assertThat(parse("? - Sombre Tones").title()).contains("Sombre Tones");
    }

    @Test
    void playedTogetherLinesAreMarked() {
        TrackLine with = parse("w/ Robert Hood - Minus");
        assertThat(with.withPrevious()).isTrue();
        assertThat(with.artists()).containsExactly("Robert Hood");
    }

    @Test
    void unicodeDashesQuotesAndSpacesAreNormalised() {
        TrackLine line = parse("  Robert   Hood \u2013 \u201CMinus\u201D \u2019s  ");
        assertThat(line.artists()).containsExactly("Robert Hood");
        assertThat(line.title()).contains("\"Minus\" 's");
        assertThat(parse("Len Faki\u200B - Rainbow Delta").artists()).containsExactly("Len Faki");
    }

    @Test
    void wikiLinksAreUnwrapped() {
        TrackLine line = parse("[https://www.discogs.com/release/123 Trevino - Sombre Tones] [Klockworks - KW 20]");
        assertThat(line.artists()).containsExactly("Trevino");
        assertThat(line.title()).contains("Sombre Tones");
        assertThat(line.label()).contains("Klockworks");
    }

    @Test
    void theTrackKeyIsNeverTheTitleAlone() {
        String key = parse("Deadmau5 - Strobe").trackKey().orElseThrow().value();
        assertThat(parse("deadmau5 - Strobe").trackKey().orElseThrow().value()).as("case").isEqualTo(key);
        assertThat(parse("DEADMAU5 - strobe").trackKey().orElseThrow().value()).isEqualTo(key);
        assertThat(parse("Someone Else - Strobe").trackKey().orElseThrow().value()).as("another artist").isNotEqualTo(key);
        assertThat(parse("A & B - T feat. C").trackKey()).isEqualTo(parse("B & A - T ft. C").trackKey());
        assertThat(parse("Rødhad - Ø").trackKey()).isEqualTo(parse("Rodhad - Ø").trackKey());
        assertThat(parse("A - T (X Remix)").trackKey()).isNotEqualTo(parse("A - T (Y Remix)").trackKey());
        assertThat(parse("A - T (X Remix)").trackKey()).isNotEqualTo(parse("A - T").trackKey());
        assertThat(parse("A - T [Label - CAT 1]").trackKey()).as("label is not identity").isEqualTo(parse("A - T").trackKey());
    }

    @Test
    void theCanonicalLineReadsBackTheSame() {
        for (String raw : List.of("[07] w/ Tiesto vs. Oasis feat. X - Wonderwall (Y Remix) (VIP) [Label - CAT 1]", "? - ?",
                "Artist - ?", "Title only feat. Someone (Dub)", "A - T [CAT 123]", "A - T [Ostgut Ton]", "A - T [2020 Vision - ?]")) {
            TrackLine once = parse(raw);
            assertThat(parse(once.canonical()).canonical()).as(raw).isEqualTo(once.canonical());
        }
    }
}
