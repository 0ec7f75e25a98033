package io.songnodes.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.songnodes.enrich.providers.Candidate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrackMatcherTest {

    private final TrackMatcher matcher = new TrackMatcher();

    private static TrackQuery query(String artists, String title, String version, String remixers, Integer duration) {
        return new TrackQuery("t", List.of(artists.split(" & ")), title, version.isEmpty() ? null : version,
                remixers.isEmpty() ? List.of() : List.of(remixers.split(" & ")), duration);
    }

    @ParameterizedTest(name = "{0} - {1} ({2}) vs {5} - {6}: {8}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            Dax J          | Reign Of Terror | ''                    | ''         | null | Dax J            | Reign Of Terror                     | null | 1.0
            Dax J          | Reign Of Terror | ''                    | ''         | null | DAX J            | Reign of Terror (Original Mix)      | null | 1.0
            Rødhad         | Target          | ''                    | ''         | null | Rodhad           | Target                              | null | 1.0
            Ben Klock      | Subzero         | ''                    | ''         | null | Ben Klock        | Subzero (Len Faki Remix)            | null | 0.6
            Ben Klock      | Subzero         | Len Faki Remix        | Len Faki   | null | Ben Klock        | Subzero (Len Faki Remix)            | null | 1.0
            Ben Klock      | Subzero         | Len Faki Remix        | Len Faki   | null | Ben Klock        | Subzero (Marcel Dettmann Remix)     | null | 0.5
            Dax J          | Reign Of Terror | ''                    | ''         | 400  | Dax J            | Reign Of Terror                     | 405  | 1.0
            Dax J          | Reign Of Terror | ''                    | ''         | 400  | Dax J            | Reign Of Terror                     | 520  | 0.5
            Dax J          | Reign Of Terror | ''                    | ''         | null | Someone Else     | Reign Of Terror                     | null | 0.55
            """)
    void scoresCandidates(String artists, String title, String version, String remixers, Integer duration,
                          String candidateArtist, String candidateTitle, Integer candidateDuration, double expected) {
        double confidence = matcher.score(query(artists, title, version, remixers, duration),
                new Candidate("p", "1", List.of(candidateArtist), candidateTitle, candidateDuration, Map.of())).confidence();
        assertThat(confidence).isBetween(expected - 0.06, expected + 0.001);
    }
}
