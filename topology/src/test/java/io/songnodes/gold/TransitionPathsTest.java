package io.songnodes.gold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransitionPathsTest {

    /** A → B (3), A → C (1), A → E (1); B → D (2), B → F (1); D → E (4); E → A (1). */
    private static final Map<String, Map<String, Long>> GRAPH = Map.of(
            "A", Map.of("B", 3L, "C", 1L, "E", 1L), "B", Map.of("D", 2L, "F", 1L), "D", Map.of("E", 4L), "E", Map.of("A", 1L));

    private static TransitionPaths.Outgoing next(String track) {
        Map<String, Long> next = GRAPH.getOrDefault(track, Map.of());
        return new TransitionPaths.Outgoing(next, next.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void theMostLikelyChainWinsOverARareDirectTransition() {
        TransitionPaths.Chain chain = TransitionPaths.mostLikely("A", "E", 4, TransitionPathsTest::next).orElseThrow();
        assertThat(chain.tracks()).containsExactly("A", "B", "D", "E");
        assertThat(chain.probability()).isCloseTo(0.6 * 2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(chain.hops()).extracting(TransitionPaths.Hop::occurrences).containsExactly(3L, 2L, 4L);
    }

    @Test
    void theHopLimitIsRespected() {
        TransitionPaths.Chain direct = TransitionPaths.mostLikely("A", "E", 2, TransitionPathsTest::next).orElseThrow();
        assertThat(direct.tracks()).containsExactly("A", "E");
        assertThat(direct.probability()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(TransitionPaths.mostLikely("B", "A", 2, TransitionPathsTest::next)).as("B→D→E→A needs three").isEmpty();
        assertThat(TransitionPaths.mostLikely("B", "A", 3, TransitionPathsTest::next)).isPresent();
    }

    @Test
    void noChainWhereTransitionsDoNotLeadAndCyclesEndTheSearch() {
        assertThat(TransitionPaths.mostLikely("C", "A", 8, TransitionPathsTest::next)).isEmpty();
        assertThat(TransitionPaths.mostLikely("A", "Z", 8, TransitionPathsTest::next)).isEmpty();
        assertThat(TransitionPaths.mostLikely("A", "A", 3, TransitionPathsTest::next).orElseThrow().tracks()).containsExactly("A");
    }

    @Test
    void sharesComeFromTheTotalEvenWhenOnlyTheHeadOfTheNeighboursIsListed() {
        TransitionPaths.Chain chain = TransitionPaths.mostLikely("A", "B", 2, t -> new TransitionPaths.Outgoing(Map.of("B", 3L), 10)).orElseThrow();
        assertThat(chain.probability()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aSearchOverItsBoundSaysSoInsteadOfClaimingNoChain() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TransitionPaths.mostLikely("0", "unreachable", 8,
                t -> new TransitionPaths.Outgoing(Map.of(t + "a", 1L, t + "b", 1L, t + "c", 1L), 3))).isInstanceOf(TransitionPaths.SearchTooLarge.class);
    }

    @Test
    void eachTrackIsLookedUpAtMostOnce() {
        List<String> lookups = new ArrayList<>();
        TransitionPaths.mostLikely("A", "Z", 8, t -> {
            lookups.add(t);
            return next(t);
        });
        assertThat(lookups).doesNotHaveDuplicates().containsExactlyInAnyOrder("A", "B", "C", "D", "E", "F");
    }
}
