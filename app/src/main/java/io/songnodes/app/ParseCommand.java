package io.songnodes.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.songnodes.silver.lines.ParserFigures;
import io.songnodes.silver.lines.TrackKey;
import io.songnodes.silver.lines.TrackLine;
import io.songnodes.silver.lines.TrackLineParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Reads raw tracklist lines on standard input and prints one parse per line. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Parse raw tracklist lines from standard input, one parse per line.",
                "e.g. echo '[07] Trevino - Sombre Tones (Dubfire Remix) [Klockworks - KW 20]' | ./songnodes parse --json"})
final class ParseCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "JSON Lines: artists, title, versions with remixers, label, catalogue number, cue, unknown flag, track key, parser version.")
    private boolean json;

    @Option(names = "--stats", description = "Finish with the shares of lines with artist and title, a label, a remixer, unknown (on standard error).")
    private boolean stats;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TrackLineParser parser = new TrackLineParser();
        ParserFigures figures = new ParserFigures();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
            if (raw.isBlank()) {
                continue;
            }
            TrackLine line = parser.parse(raw);
            figures.add(line);
            out.println(json ? JSON.writeValueAsString(asMap(line)) : describe(line));
        }
        out.flush();
        if (stats) {
            spec.commandLine().getErr().println(figures);
        }
        return 0;
    }

    static Map<String, Object> asMap(TrackLine line) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("raw", line.raw());
        m.put("cue", line.cue().orElse(null));
        m.put("cue_seconds", line.cueSeconds().isPresent() ? line.cueSeconds().getAsInt() : null);
        m.put("with_previous", line.withPrevious());
        m.put("artists", line.artists());
        m.put("mashup", line.mashup());
        m.put("featured", line.featured());
        m.put("title", line.title().orElse(null));
        m.put("versions", line.versions().stream().map(v -> Map.of("name", v.name(), "remixers", v.remixers())).toList());
        m.put("label", line.label().orElse(null));
        m.put("catalogue_number", line.catalogueNumber().orElse(null));
        m.put("unreleased", line.unreleased());
        m.put("unknown", line.unknown());
        m.put("track_key", line.trackKey().map(TrackKey::value).orElse(null));
        m.put("track_identity", line.trackKey().map(TrackKey::identity).orElse(null));
        m.put("canonical", line.canonical());
        m.put("parser_version", line.parserVersion());
        return m;
    }

    private static String describe(TrackLine line) {
        return line.canonical() + "   " + (line.unknown() ? "[unknown]" : line.trackKey().map(k -> "[" + k.value() + "]").orElse("[no key]"));
    }
}
