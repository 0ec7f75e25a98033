package io.songnodes.gold;

import io.songnodes.schemas.gold.Track;
import io.songnodes.schemas.gold.Transition;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The transition graph in the formats graph tools read: GraphML (Gephi, Cytoscape) and CSV (pandas). */
public final class GraphExport {

    private GraphExport() {
    }

    public enum Format { GRAPHML, CSV }

    public static String write(Format format, Map<String, Transition> transitions, Map<String, Track> tracks, long minCount) {
        List<Transition> edges = transitions.values().stream().filter(t -> t.getOccurrences() >= minCount)
                .sorted(Comparator.comparing(Transition::getFromTrack).thenComparing(Transition::getToTrack)).toList();
        return format == Format.CSV ? csv(edges, tracks) : graphml(edges, tracks);
    }

    private static String csv(List<Transition> edges, Map<String, Track> tracks) {
        StringBuilder out = new StringBuilder("from_track,from_name,to_track,to_name,occurrences,playlists,djs,median_cue_gap_seconds\n");
        for (Transition t : edges) {
            out.append(String.join(",", cell(t.getFromTrack()), cell(name(tracks, t.getFromTrack())), cell(t.getToTrack()),
                    cell(name(tracks, t.getToTrack())), Long.toString(t.getOccurrences()), Long.toString(t.getPlaylists()),
                    Integer.toString(t.getDjs().size()), t.getMedianCueGapSeconds() == null ? "" : t.getMedianCueGapSeconds().toString()))
                    .append('\n');
        }
        return out.toString();
    }

    private static String graphml(List<Transition> edges, Map<String, Track> tracks) {
        TreeSet<String> nodes = new TreeSet<>();
        edges.forEach(t -> {
            nodes.add(t.getFromTrack());
            nodes.add(t.getToTrack());
        });
        StringBuilder out = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key id="label" for="node" attr.name="label" attr.type="string"/>
                  <key id="plays" for="node" attr.name="plays" attr.type="long"/>
                  <key id="occurrences" for="edge" attr.name="occurrences" attr.type="long"/>
                  <key id="playlists" for="edge" attr.name="playlists" attr.type="long"/>
                  <key id="djs" for="edge" attr.name="djs" attr.type="int"/>
                  <graph id="songnodes" edgedefault="directed">
                """);
        for (String node : nodes) {
            Track track = tracks.get(node);
            out.append("    <node id=\"").append(xml(node)).append("\"><data key=\"label\">").append(xml(name(tracks, node)))
                    .append("</data><data key=\"plays\">").append(track == null ? 0 : track.getPlays()).append("</data></node>\n");
        }
        for (Transition t : edges) {
            out.append(String.format(Locale.ROOT, "    <edge source=\"%s\" target=\"%s\"><data key=\"occurrences\">%d</data>"
                            + "<data key=\"playlists\">%d</data><data key=\"djs\">%d</data></edge>%n", xml(t.getFromTrack()), xml(t.getToTrack()),
                    t.getOccurrences(), t.getPlaylists(), t.getDjs().size()));
        }
        return out.append("  </graph>\n</graphml>\n").toString();
    }

    /** "Artists - Title (Version)", or the key when the track is not in the table. */
    public static String name(Map<String, Track> tracks, String key) {
        Track track = tracks.get(key);
        return track == null ? key : String.join(" & ", track.getArtists()) + " - " + track.getTitle()
                + track.getVersions().stream().map(v -> " (" + v + ")").collect(Collectors.joining());
    }

    private static String cell(String value) {
        return value.matches(".*[\",\\n\\r].*") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
