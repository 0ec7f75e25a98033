package io.songnodes.silver.lines;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a raw tracklist line, {@code [cue] w/ Artist & Artist feat. X - Title (Remixer Remix) [Label - CatNo]},
 * into a {@link TrackLine}. It never throws: whatever it cannot place stays in the title, and
 * unknown tracks ({@code ?}, {@code ID - ID}, {@code Artist - ?}, {@code Unknown}) are kept as
 * unknown plays, never dropped. Every output records {@link #VERSION}.
 */
public final class TrackLineParser {

    public static final String VERSION = "track-line/1.0";

    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212\\u2043\\uFE58\\uFE63\\uFF0D]");
    private static final Pattern SINGLE_QUOTES = Pattern.compile("[\\u2018\\u2019\\u201A\\u201B\\u2032]");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\\u201C\\u201D\\u201E\\u201F\\u2033]");
    private static final Pattern LIST_MARKER = Pattern.compile("^[#*]+\\s*");
    private static final Pattern CUE = Pattern.compile("^\\[([\\d:?]+)]\\s*");
    private static final Pattern WITH_PREVIOUS = Pattern.compile("^(?i:w/)\\s*");
    private static final Pattern EXTERNAL_LINK = Pattern.compile("\\[https?://\\S+\\s+([^\\[\\]]*)]");
    private static final Pattern WIKI_LINK = Pattern.compile("\\[\\[(?:[^\\[\\]|]*\\|)?([^\\[\\]|]*)]]");
    private static final Pattern TRAILING_BRACKET = Pattern.compile("\\s*\\[([^\\[\\]]*)]$");
    /** A trailing version group, in parentheses or (as some lines write remixes) in square brackets. */
    private static final Pattern TRAILING_PARENTHESIS = Pattern.compile("^(.*?)\\s*(?:\\(([^()]*)\\)|\\[([^\\[\\]()]*)])$");
    private static final Pattern VERSION_BRACKET_THEN_LABEL = Pattern.compile("^(.*\\[([^\\[\\]]*)])\\s*\\(([^()]*)\\)$");
    private static final Pattern FEATURING = Pattern.compile("\\s+(?i:feat\\.?|ft\\.?|featuring)\\s+");
    private static final Pattern FEATURING_PARENTHESIS = Pattern.compile("\\s*\\((?i:feat\\.?|ft\\.?|featuring)\\s+([^()]*)\\)");
    private static final Pattern FEATURING_ONLY = Pattern.compile("^(?i:feat\\.?|ft\\.?|featuring)\\s+(.*)$");
    private static final Pattern ARTIST_SEPARATOR = Pattern.compile("\\s+(?i:vs\\.?|x|and|pres\\.?|presents)\\s+|\\s*[&,]\\s*");
    private static final Pattern MASHUP = Pattern.compile("\\s(?i:vs\\.?)\\s");
    private static final Pattern VERSION_KIND = Pattern.compile(
            "^(.*?)\\s*\\b(?i:(remix|rework|re-work|process|edit|re-edit|refix|reshape|interpretation|bootleg|rerub|remake|dub|mix|version|vip))$");
    /** Kinds whose words before them name the remixer: "Carl Craig Remix". ("Floatation Mix" is a version's name.) */
    private static final Set<String> REMIXER_KINDS = Set.of("remix", "rework", "re-work", "process", "edit", "re-edit", "refix",
            "reshape", "interpretation", "bootleg", "rerub", "remake", "dub");
    /** Words that describe a version rather than name a remixer: "Extended Mix", "Radio Edit". */
    private static final Set<String> GENERIC = Set.of("", "original", "extended", "radio", "club", "dub", "vocal", "instrumental",
            "album", "short", "long", "main", "12\"", "7\"", "vip", "live", "acapella", "a cappella", "remastered", "beatless",
            "ambient", "alternative", "alt", "special", "single", "full", "reprise", "re", "edit", "mix");
    private static final Set<String> STANDALONE_VERSIONS = Set.of("vip", "dub", "live", "instrumental", "acapella", "remastered",
            "edit", "remix", "extended", "original", "rework");
    private static final Pattern EDGE_JOINING_WORDS = Pattern.compile(
            "^(?:(?i:feat\\.?|ft\\.?|featuring|vs\\.?|x|and|pres\\.?|presents)(?:\\s+|$))+"
            + "|(?:(?:^|\\s+)(?i:feat\\.?|ft\\.?|featuring|vs\\.?|x|and|pres\\.?|presents))+$");
    private static final Pattern TRAILING_FEATURING = Pattern.compile("(?:(?:^|\\s+)(?i:feat\\.?|ft\\.?|featuring))+$");
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");
    private static final Set<String> UNKNOWN = Set.of("?", "??", "???", "ID", "unknown", "unknown artist", "unknown track",
            "unknown title", "id - id");

    public TrackLine parse(String raw) {
        return parse(raw, Optional.empty());
    }

    /** @param pageCue the cue the page shows beside the line, used when the line carries none */
    public TrackLine parse(String raw, Optional<String> pageCue) {
        String text = LIST_MARKER.matcher(balanced(normalise(raw == null ? "" : raw)).strip()).replaceFirst("");
        Optional<String> cue = Optional.empty();
        Matcher cueMatch = CUE.matcher(text);
        if (cueMatch.find()) {
            cue = Optional.of(cueMatch.group(1));
            text = text.substring(cueMatch.end());
        } else {
            cue = pageCue.map(String::strip).filter(c -> !c.isEmpty());
        }
        boolean withPrevious = false;
        Matcher with = WITH_PREVIOUS.matcher(text);
        if (with.find()) {
            withPrevious = true;
            text = text.substring(with.end());
        }
        text = WIKI_LINK.matcher(EXTERNAL_LINK.matcher(text).replaceAll("$1")).replaceAll("$1").strip();

        int separator = text.indexOf(" - ");
        String artistPart = separator >= 0 ? text.substring(0, separator).strip() : "";
        String titlePart = separator >= 0 ? text.substring(separator + 3).strip() : text.strip();
        // The label bracket closes the title; a bracket in the artist part ("Ø [Phase]") is part of a name.
        LabelBracket bracket = new LabelBracket(Optional.empty(), Optional.empty(), false);
        Matcher trailing = TRAILING_BRACKET.matcher(titlePart);
        Matcher labelInParentheses = VERSION_BRACKET_THEN_LABEL.matcher(titlePart);
        if (separator >= 0 && trailing.find() && version(trailing.group(1).strip()).isEmpty()) {
            bracket = LabelBracket.parse(trailing.group(1));
            titlePart = titlePart.substring(0, trailing.start()).strip();
        } else if (separator >= 0 && labelInParentheses.matches() && version(labelInParentheses.group(2).strip()).isPresent()
                && version(labelInParentheses.group(3).strip()).isEmpty()) {
            // "Title [Ben Klock Remix] (BPitchcontrol)": the remix in brackets, the label in parentheses.
            bracket = LabelBracket.parse(labelInParentheses.group(3));
            titlePart = labelInParentheses.group(1).strip();
        }
        List<String> featured = new ArrayList<>();

        titlePart = tidy(titlePart);
        // Title: peel versions and featuring off the end, in their original order, until nothing more comes off.
        List<TrackLine.Version> versions = new ArrayList<>();
        List<String> titleFeatured = new ArrayList<>();
        String before;
        do {
            if (separator < 0) {
                titlePart = cleanTitleOnly(titlePart);
            }
            before = titlePart;
            Matcher paren = TRAILING_PARENTHESIS.matcher(titlePart);
            while (paren.matches()) {
                boolean squareBrackets = paren.group(2) == null;
                String inside = (squareBrackets ? paren.group(3) : paren.group(2)).strip();
                Matcher feat = FEATURING_ONLY.matcher(inside);
                Optional<TrackLine.Version> version = version(inside);
                if (feat.matches() && !squareBrackets) {
                    titleFeatured.addAll(0, names(feat.group(1)));
                } else if (version.isPresent() && (!squareBrackets || !version.get().remixers().isEmpty())) {
                    versions.add(0, version.get());
                } else {
                    break;
                }
                titlePart = paren.group(1).strip();
                paren = TRAILING_PARENTHESIS.matcher(titlePart);
            }
            String[] titleFeat = FEATURING.split(titlePart, 2);
            // Featured names are written before the " - " of a canonical line, so they may not contain one.
            if (titleFeat.length == 2 && !titleFeat[0].isBlank() && !titleFeat[1].contains(" - ")) {
                titlePart = titleFeat[0].strip();
                titleFeatured.addAll(0, names(titleFeat[1]));
            }
        } while (!titlePart.equals(before));

        // Artists: featuring first, then the primary artists.
        Matcher parenFeat = FEATURING_PARENTHESIS.matcher(artistPart);
        while (parenFeat.find()) {
            featured.addAll(names(parenFeat.group(1)));
        }
        artistPart = FEATURING_PARENTHESIS.matcher(artistPart).replaceAll("").strip();
        String[] artistFeat = FEATURING.split(artistPart, 2);
        if (artistFeat.length == 2) {
            artistPart = artistFeat[0].strip();
            featured.addAll(0, names(artistFeat[1]));
        }
        featured.addAll(titleFeatured);

        List<String> artists = names(artistPart);
        // "? - T", "ID - T", and an artist part with no name in it at all: the artist is unknown.
        boolean artistUnknown = separator >= 0 && artists.isEmpty();
        titlePart = tidy(titlePart);
        if (separator < 0) {
            // A title-only line: what the line reader consumes at the start (cue, w/, list marker) cannot start a
            // title, and a dash at its edge would make " - " with what is written around it.
            titlePart = cleanTitleOnly(titlePart);
        }
        boolean titleUnknown = isUnknown(titlePart);
        boolean mashup = artists.size() > 1 && MASHUP.matcher(" " + artistPart + " ").find();
        Optional<String> title = titleUnknown || !meaningful(titlePart) ? Optional.empty() : Optional.of(titlePart);
        // No title is an unknown play ("Artist - ?"); no artist but a title is a title-only line.
        boolean unknown = artistUnknown || title.isEmpty();
        Optional<TrackKey> key = unknown || artists.isEmpty() || title.isEmpty()
                ? Optional.empty() : Optional.of(TrackKey.of(artists, title.get(), versions));
        return new TrackLine(raw == null ? "" : raw, cue, cue.flatMap(TrackLineParser::seconds).map(OptionalInt::of).orElse(OptionalInt.empty()),
                withPrevious, artists, mashup, featured, title, versions, bracket.label(), bracket.catalogueNumber(), bracket.unreleased(),
                unknown, key, VERSION);
    }

    /** NFKC, one kind of dash and quote, no invisible format characters, single spaces. */
    static String normalise(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("\\p{Cf}+", "");
        text = DASHES.matcher(text).replaceAll("-");
        text = SINGLE_QUOTES.matcher(text).replaceAll("'");
        text = DOUBLE_QUOTES.matcher(text).replaceAll("\"");
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Whether a bracket's text would be read as a version rather than a label. */
    static boolean readsAsVersion(String inside) {
        return version(inside.strip()).isPresent();
    }

    private static Optional<TrackLine.Version> version(String inside) {
        if (STANDALONE_VERSIONS.contains(inside.toLowerCase(Locale.ROOT))) {
            return Optional.of(new TrackLine.Version(inside, List.of()));
        }
        Matcher m = VERSION_KIND.matcher(inside);
        if (!m.matches()) {
            return Optional.empty();
        }
        String before = m.group(1).strip();
        String kind = m.group(2);
        List<String> remixers = names(before);
        String who = String.join(" & ", remixers);
        if (REMIXER_KINDS.contains(kind.toLowerCase(Locale.ROOT)) && !remixers.isEmpty()
                && !GENERIC.contains(before.toLowerCase(Locale.ROOT)) && !GENERIC.contains(who.toLowerCase(Locale.ROOT))) {
            return Optional.of(new TrackLine.Version(kind, remixers));
        }
        return Optional.of(new TrackLine.Version(inside, List.of()));
    }

    /**
     * Names joined by {@code &}, {@code ,}, {@code and}, {@code x}, {@code vs.}, {@code pres.}; a "name" without a
     * letter or digit, or one that means "unknown" ({@code ?}, {@code ID}), is none.
     */
    private static List<String> names(String text) {
        return Arrays.stream(ARTIST_SEPARATOR.split(text.strip()))
                .map(TrackLineParser::cleanName)
                .filter(n -> meaningful(n) && !isUnknown(n)).toList();
    }

    /**
     * A dash at a name's edge would join the " - " around it, a leading cue or "w/" would be read as
     * one, a joining word at its edge ("feat.", "vs.", "x") would join it to its neighbour, and
     * parentheses in a name would be read as a version: "Dave (UK)" is kept as "Dave UK" (the track
     * key ignores punctuation anyway).
     */
    private static String cleanName(String name) {
        return untilStable(name, current -> {
            String text = tidy(current).replaceAll("[()]", " ").replaceAll("\\s+-\\s+", " ");
            // Without its parentheses a name may show a joining word it hid ("A (feat.) B"): it joins nothing now.
            text = ARTIST_SEPARATOR.matcher(FEATURING.matcher(text).replaceAll(" ")).replaceAll(" ").replaceAll("\\s+", " ");
            text = withoutLeadingStructure(text.replaceAll("^[\\s-]+|[\\s-]+$", ""));
            return EDGE_JOINING_WORDS.matcher(text).replaceAll("").strip();
        });
    }

    /** Applies a clean-up step until it changes nothing: each step can reveal work for another. */
    private static String untilStable(String text, java.util.function.UnaryOperator<String> step) {
        String previous;
        String current = text;
        do {
            previous = current;
            current = step.apply(current);
        } while (!current.equals(previous));
        return current;
    }

    /** Balanced parentheses and unwrapped links, until neither changes the text: each can reveal the other. */
    private static String tidy(String text) {
        return untilStable(text, current -> WIKI_LINK.matcher(EXTERNAL_LINK.matcher(balanced(current)).replaceAll("$1")).replaceAll("$1").strip());
    }

    /** Drops parentheses that do not pair up (a stray one would open or close a version that is not there), and the space they leave. */
    static String balanced(String text) {
        boolean[] keep = new boolean[text.length()];
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                open.push(i);
            } else if (c == ')') {
                if (!open.isEmpty()) {
                    keep[open.pop()] = true;
                    keep[i] = true;
                }
            } else {
                keep[i] = true;
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (keep[i]) {
                out.append(text.charAt(i));
            }
        }
        return out.length() == text.length() ? text : out.toString().replaceAll("\\s+", " ").strip();
    }

    private static String cleanTitleOnly(String title) {
        // featured artists are written after a title-only line's title: a "feat." ending it would swallow them
        return untilStable(title, current -> TRAILING_FEATURING.matcher(
                withoutLeadingStructure(current.replaceAll("^[\\s-]+|[\\s-]+$", ""))).replaceAll("").strip());
    }

    private static String withoutLeadingStructure(String text) {
        return untilStable(text, current -> WITH_PREVIOUS.matcher(CUE.matcher(LIST_MARKER.matcher(current).replaceFirst(""))
                .replaceFirst("")).replaceFirst("").strip());
    }

    static boolean meaningful(String text) {
        return LETTER_OR_DIGIT.matcher(text).find();
    }

    private static boolean isUnknown(String part) {
        String p = part.strip();
        return UNKNOWN.contains(p) || UNKNOWN.contains(p.toLowerCase(Locale.ROOT)) && !p.equals("id");
    }

    /** {@code 00:00}, {@code 1:07:30} are clock times; a bare number ({@code 07}, {@code 000}) is minutes, as MixesDB writes it. */
    static Optional<Integer> seconds(String cue) {
        if (cue.contains("?") || cue.isEmpty()) {
            return Optional.empty();
        }
        try {
            String[] parts = cue.split(":", -1);
            return switch (parts.length) {
                case 1 -> Optional.of(Integer.parseInt(parts[0]) * 60);
                case 2 -> Optional.of(Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]));
                case 3 -> Optional.of(Integer.parseInt(parts[0]) * 3600 + Integer.parseInt(parts[1]) * 60 + Integer.parseInt(parts[2]));
                default -> Optional.empty();
            };
        } catch (NumberFormatException e) {
            return Optional.empty(); // "1::2" or an overflowing number: the cue is shown, its time unknown
        }
    }
}
