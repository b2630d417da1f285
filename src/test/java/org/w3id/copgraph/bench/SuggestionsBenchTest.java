package org.w3id.copgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.copgraph.Home;

class SuggestionsBenchTest {

    @Test
    void recallAt10CountsHiddenSourcesInTheTopTen() {
        List<String> ranked = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");
        // "c" is 3rd, "k" 11th (outside the ten), "z" nowhere: one of three found.
        assertThat(RankingMetrics.recallAt(ranked, Set.of("c", "k", "z"), 10)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(RankingMetrics.recallAt(ranked, Set.of("a", "j"), 10)).isEqualTo(1.0);
        assertThat(RankingMetrics.recallAt(List.of(), Set.of("a"), 10)).isZero();
    }

    @Test
    void mrrIsTheMeanReciprocalRank() {
        RankingMetrics.Means m = new RankingMetrics.Means(10);
        m.add(List.of("x", "a", "b"), Set.of("a", "b"));      // first hit at rank 2: 1/2
        m.add(List.of("a", "x"), Set.of("a"));                 // rank 1: 1
        m.add(List.of("x", "y", "z", "w"), Set.of("w"));       // rank 4: 1/4
        m.add(List.of("x", "y"), Set.of("q"));                 // none: 0
        assertThat(m.mrr()).isCloseTo((0.5 + 1 + 0.25 + 0) / 4, within(1e-12));
        assertThat(m.count()).isEqualTo(4);
        assertThat(RankingMetrics.reciprocalRank(List.of("x", "y", "a"), Set.of("a"))).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void ndcgOfAPerfectRankingIsOne() {
        assertThat(RankingMetrics.ndcgAt(List.of("a", "b", "x", "y"), Set.of("a", "b"), 10)).isCloseTo(1.0, within(1e-12));
        // One relevant CoP at rank 2 instead of 1: 1/log2(3).
        assertThat(RankingMetrics.ndcgAt(List.of("x", "a"), Set.of("a"), 10)).isCloseTo(Math.log(2) / Math.log(3), within(1e-12));
        assertThat(RankingMetrics.ndcgAt(List.of("x", "y"), Set.of("a"), 10)).isZero();
    }

    @Test
    void hiddenSourcesStillLinkedTheOtherWayAreNotCounted() {
        // 0 -> 1 hidden, but 1 -> 0 still visible: nothing to find for 1. 2 -> 3 hidden: 3 could learn from 2.
        var split = SuggestionsBench.split(List.of(new int[] {1, 0}), List.of(new int[] {0, 1}, new int[] {2, 3}), 3);
        assertThat(split.relevant()).isEqualTo(Map.of(SuggestionsBench.cop(3), Set.of(SuggestionsBench.cop(2))));
    }

    @Test
    void suggestionsBenchRunsAtTwoHundredCops(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("report.md");
        Benchmark.Options o = new Benchmark.Options(List.of(200), List.of(1), List.of(), out, tmp.resolve("work"),
                tmp.resolve("no-fuseki.jar"), "1g", 0, 1, Duration.ofSeconds(1), 1, "suggestions");
        String md = new Benchmark(o, Home.current(), System.out).run();
        assertThat(md).contains("### Suggestions").contains("| " + SuggestionsBench.ENGINE + " |")
                .contains("| random |").contains("| shared-domain Jaccard |").contains("| common neighbours")
                .contains("recall@10").contains("p95").doesNotContain("Suggestions: failed");
        assertThat(Files.readString(out)).isEqualTo(md);
    }
}
