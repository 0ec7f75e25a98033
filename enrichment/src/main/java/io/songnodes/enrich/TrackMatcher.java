package io.songnodes.enrich;

import io.songnodes.enrich.providers.Candidate;
import io.songnodes.platform.text.TextFold;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How sure we are that a provider's candidate is the track asked about, from 0 to 1: artist and
 * title similarity after folding (case, accents, punctuation), times penalties when the remixers
 * disagree or the durations differ. A provider's first result is never taken on trust; the
 * waterfall accepts a candidate only at or above the field's minimum confidence.
 */
public final class TrackMatcher {

    /** Version words a provider appends to titles: "Title (Original Mix)", "Title - Dub". */
    private static final Pattern VERSION_SUFFIX = Pattern.compile("\\s*[(\\[].*$|\\s+-\\s+.*$");
    private static final Pattern REMIX_WORDS = Pattern.compile("\\b(remix|rework|dub|edit|process|mix|version|bootleg|vip)\\b");
    private static final Set<String> ORIGINAL = Set.of("original mix", "original", "extended mix", "original version");
    static final int DURATION_TOLERANCE_SECONDS = 10;
    static final int DURATION_LIMIT_SECONDS = 45;

    /** A confidence and, below a perfect match, what lowered it. */
    public record Match(double confidence, String why) {
    }

    public Match score(TrackQuery query, Candidate candidate) {
        double artist = artistSimilarity(query.artists(), candidate.artists());
        String candidateTitle = candidate.title() == null ? "" : candidate.title();
        double title = similarity(TextFold.fold(query.title()), TextFold.fold(baseTitle(candidateTitle)));
        double confidence = (artist + title) / 2;
        StringBuilder why = new StringBuilder(String.format("artist %.2f, title %.2f", artist, title));
        double versions = versionAgreement(query, candidateTitle);
        if (versions < 1) {
            confidence *= versions;
            why.append(query.remixers().isEmpty() ? ", candidate is a remix" : ", remixer not in the candidate's title");
        }
        double duration = durationAgreement(query.durationSeconds(), candidate.durationSeconds());
        if (duration < 1) {
            confidence *= duration;
            why.append(", duration ").append(candidate.durationSeconds()).append(" s vs ").append(query.durationSeconds()).append(" s");
        }
        return new Match(confidence, why.toString());
    }

    /** Best pairing of the asked artists with the candidate's, as one string and word by word. */
    static double artistSimilarity(List<String> asked, List<String> offered) {
        String a = TextFold.fold(String.join(" ", asked.stream().sorted().toList()));
        String b = TextFold.fold(String.join(" ", offered.stream().sorted().toList()));
        return Math.max(similarity(a, b), wordOverlap(a, b));
    }

    static String baseTitle(String title) {
        return VERSION_SUFFIX.matcher(title).replaceFirst("");
    }

    /** 1 when the versions agree; lower when a remix is offered for an original or the remixer is missing. */
    static double versionAgreement(TrackQuery query, String candidateTitle) {
        String offeredVersion = TextFold.fold(candidateTitle.substring(baseTitle(candidateTitle).length()));
        if (query.remixers().isEmpty()) {
            boolean offeredRemix = !offeredVersion.isEmpty() && !ORIGINAL.contains(offeredVersion)
                    && REMIX_WORDS.matcher(offeredVersion).find();
            boolean askedRemix = query.version() != null && !ORIGINAL.contains(TextFold.fold(query.version()));
            return offeredRemix == askedRemix ? 1.0 : 0.6;
        }
        String fullTitle = TextFold.fold(candidateTitle);
        return query.remixers().stream().allMatch(r -> fullTitle.contains(TextFold.fold(r))) ? 1.0 : 0.5;
    }

    /** 1 within the tolerance, falling to 0.5 at the limit and beyond; 1 when either is unknown. */
    static double durationAgreement(Integer asked, Integer offered) {
        if (asked == null || offered == null) {
            return 1.0;
        }
        int diff = Math.abs(asked - offered);
        if (diff <= DURATION_TOLERANCE_SECONDS) {
            return 1.0;
        }
        double over = Math.min(1.0, (double) (diff - DURATION_TOLERANCE_SECONDS) / (DURATION_LIMIT_SECONDS - DURATION_TOLERANCE_SECONDS));
        return 1.0 - over / 2;
    }

    /** Normalised Levenshtein similarity: 1 for equal strings, 0 for nothing in common. */
    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int longest = Math.max(a.length(), b.length());
        return longest == 0 ? 1.0 : 1.0 - (double) levenshtein(a, b) / longest;
    }

    /** Share of words in common, so "Dax J" meets "Dax J & Somebody" half way rather than by letters. */
    static double wordOverlap(String a, String b) {
        Set<String> left = new HashSet<>(Arrays.asList(a.split(" ")));
        Set<String> right = new HashSet<>(Arrays.asList(b.split(" ")));
        Set<String> common = new HashSet<>(left);
        common.retainAll(right);
        return (double) common.size() / Math.max(left.size(), right.size());
    }

    private static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
