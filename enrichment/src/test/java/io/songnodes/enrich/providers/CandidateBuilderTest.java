package io.songnodes.enrich.providers;

import static org.assertj.core.api.Assertions.assertThat;

import io.songnodes.enrich.TrackField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CandidateBuilderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "2019-05-17           | 2019-05-17",
            "2019-05-17T07:00:00Z | 2019-05-17",
            "2019-05              | 2019",
            "2019                 | 2019",
            "2019-00-00           | 2019",
            "0000-00-00           | -",
            "0                    | -",
            "-                    | -"})
    void releaseDatesTakeTheFormsCandidateDocuments(String given, String expected) {
        Candidate candidate = new CandidateBuilder("p", "1").releaseDate(given).build();

        assertThat(candidate.fields().get(TrackField.RELEASE_DATE)).isEqualTo(expected);
    }

    @Test
    void durationIsRoundedToWholeSecondsAndZeroIsUnknown() {
        assertThat(new CandidateBuilder("p", "1").durationMillis(412_500).build().durationSeconds()).isEqualTo(413);
        assertThat(new CandidateBuilder("p", "1").durationMillis(412_499).build().fields())
                .containsEntry(TrackField.DURATION, "412");
        assertThat(new CandidateBuilder("p", "1").durationMillis(0).build())
                .satisfies(c -> assertThat(c.durationSeconds()).isNull())
                .satisfies(c -> assertThat(c.fields()).doesNotContainKey(TrackField.DURATION));
    }

    @Test
    void valuesAreNormalisedAndBlanksLeftOut() {
        Candidate candidate = new CandidateBuilder("deezer", "681234512")
                .artist(null)
                .isrc("gbkqu1901203")
                .bpm(125.5)
                .field(TrackField.GENRE, "  ")
                .externalId("track")
                .build();

        assertThat(candidate.artists()).isEmpty();
        assertThat(candidate.fields()).isEqualTo(Map.of(TrackField.ISRC, "GBKQU1901203", TrackField.BPM, "125.5",
                TrackField.EXTERNAL_IDS, "deezer:track:681234512"));
    }

    @Test
    void fromKeepsWhatTheCandidateHad() {
        Candidate searched = new Candidate("deezer", "1", List.of("Dax J"), "Reign Of Terror", 412,
                Map.of(TrackField.DURATION, "412"));

        Candidate completed = CandidateBuilder.from(searched).bpm(126).build();

        assertThat(completed).isEqualTo(new Candidate("deezer", "1", List.of("Dax J"), "Reign Of Terror", 412,
                Map.of(TrackField.DURATION, "412", TrackField.BPM, "126.0")));
    }
}
