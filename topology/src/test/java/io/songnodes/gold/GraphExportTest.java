package io.songnodes.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.songnodes.schemas.gold.Track;
import io.songnodes.schemas.gold.Transition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class GraphExportTest {

    private static final Map<String, Track> TRACKS = Map.of(
            "a", Track.newBuilder().setTrackKey("a").setArtists(List.of("Ø [Phase]")).setTitle("Binary \"Opposition\", Part 1").setPlays(3).setPlaylists(2).build(),
            "b", Track.newBuilder().setTrackKey("b").setArtists(List.of("Rødhad & Co")).setTitle("<Ø>").setVersions(List.of("Dettmann Remix"))
                    .setPlays(1).setPlaylists(1).build());
    private static final Map<String, Transition> EDGES = Map.of(
            "a->b", Transition.newBuilder().setFromTrack("a").setToTrack("b").setOccurrences(3).setPlaylists(2).setDjs(List.of("X", "Y"))
                    .setMedianCueGapSeconds(300.0).build(),
            "b->a", Transition.newBuilder().setFromTrack("b").setToTrack("a").setOccurrences(1).setPlaylists(1).build());

    @Test
    void csvQuotesWhatNeedsQuotingAndFiltersByCount() {
        String csv = GraphExport.write(GraphExport.Format.CSV, EDGES, TRACKS, 2);
        assertThat(csv.lines()).containsExactly(
                "from_track,from_name,to_track,to_name,occurrences,playlists,djs,median_cue_gap_seconds",
                "a,\"Ø [Phase] - Binary \"\"Opposition\"\", Part 1\",b,Rødhad & Co - <Ø> (Dettmann Remix),3,2,2,300.0");
    }

    @Test
    void graphmlIsWellFormedWithEveryNodeOfTheEdges() throws Exception {
        String graphml = GraphExport.write(GraphExport.Format.GRAPHML, EDGES, TRACKS, 1);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(graphml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("node").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("edge").getLength()).isEqualTo(2);
        assertThat(graphml).contains("Rødhad &amp; Co - &lt;Ø&gt; (Dettmann Remix)");
    }
}
