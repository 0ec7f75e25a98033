package io.songnodes.gold;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * The most likely chain of real transitions from one track to another: each hop weighs what share
 * of the from-track's outgoing transitions go to the next track, and the chain with the highest
 * product of those shares within the hop limit wins (Dijkstra on -ln share). A frequent detour can
 * so beat a rare direct transition, which is how DJs actually move through a crate.
 */
public final class TransitionPaths {

    /** Tracks looked up before the search gives up: each may be a call to another instance. */
    static final int MAX_LOOKUPS = 2_000;

    public record Hop(String from, String to, long occurrences, double share) {
    }

    public record Chain(List<String> tracks, List<Hop> hops, double probability) {
    }

    /** A track's next tracks, and the total of all its outgoing transitions (a long tail may be left out of {@code next}). */
    public record Outgoing(Map<String, Long> next, long total) {
    }

    /** The search looked up more tracks than it may; whether a chain exists is not known. */
    public static final class SearchTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SearchTooLarge(int lookups) {
            super("the search gave up after looking up " + lookups + " tracks");
        }
    }

    private record Step(String track, int hops, double cost, Step previous, Hop hop) {
    }

    private TransitionPaths() {
    }

    /**
     * @param outgoing a track's next tracks with their occurrences (none when it has none)
     * @return empty when no chain of at most {@code maxHops} transitions exists
     * @throws SearchTooLarge when the search would look up more than {@value #MAX_LOOKUPS} tracks
     */
    public static Optional<Chain> mostLikely(String from, String to, int maxHops, Function<String, Outgoing> outgoing) {
        if (from.equals(to)) {
            return Optional.of(new Chain(List.of(from), List.of(), 1.0));
        }
        Map<String, Outgoing> looked = new HashMap<>();
        Map<String, Integer> fewestHopsSettled = new HashMap<>();
        PriorityQueue<Step> queue = new PriorityQueue<>(Comparator.comparingDouble(Step::cost).thenComparingInt(Step::hops));
        queue.add(new Step(from, 0, 0, null, null));
        while (!queue.isEmpty()) {
            Step step = queue.poll();
            if (step.track().equals(to)) {
                return Optional.of(chain(step));
            }
            // Settled before at lower cost with no more hops: this step can reach nothing that one could not.
            Integer settled = fewestHopsSettled.get(step.track());
            if (settled != null && settled <= step.hops()) {
                continue;
            }
            fewestHopsSettled.put(step.track(), step.hops());
            if (step.hops() == maxHops) {
                continue;
            }
            if (!looked.containsKey(step.track()) && looked.size() >= MAX_LOOKUPS) {
                throw new SearchTooLarge(looked.size());
            }
            Outgoing next = looked.computeIfAbsent(step.track(), outgoing);
            next.next().forEach((track, occurrences) -> {
                double share = (double) occurrences / next.total();
                queue.add(new Step(track, step.hops() + 1, step.cost() - Math.log(share), step,
                        new Hop(step.track(), track, occurrences, share)));
            });
        }
        return Optional.empty();
    }

    private static Chain chain(Step last) {
        List<String> tracks = new ArrayList<>();
        List<Hop> hops = new ArrayList<>();
        for (Step s = last; s != null; s = s.previous()) {
            tracks.add(s.track());
            if (s.hop() != null) {
                hops.add(s.hop());
            }
        }
        Collections.reverse(tracks);
        Collections.reverse(hops);
        return new Chain(tracks, hops, Math.exp(-last.cost()));
    }
}
