package org.w3id.copgraph.bench;

import java.util.List;
import java.util.Set;

/**
 * How good one ranking is against the CoPs that should have come first (binary relevance): recall in the first
 * {@code k}, reciprocal rank of the first hit, and normalised discounted cumulative gain in the first {@code k}.
 * The evaluation averages each over the CoPs it asks about (macro averages).
 */
final class RankingMetrics {

    private RankingMetrics() {
    }

    /** The share of {@code relevant} found among the first {@code k} of {@code ranked}; 0 when nothing is relevant. */
    static double recallAt(List<String> ranked, Set<String> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                hits++;
            }
        }
        return hits / (double) relevant.size();
    }

    /** 1 / the rank (from 1) of the first relevant CoP in {@code ranked}; 0 when none is there. */
    static double reciprocalRank(List<String> ranked, Set<String> relevant) {
        for (int i = 0; i < ranked.size(); i++) {
            if (relevant.contains(ranked.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /** DCG of the first {@code k} (gain 1 per relevant CoP, discount log2(rank + 1)) over the best DCG possible. */
    static double ndcgAt(List<String> ranked, Set<String> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                dcg += discount(i);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += discount(i);
        }
        return dcg / ideal;
    }

    private static double discount(int zeroBasedRank) {
        return 1.0 / (Math.log(zeroBasedRank + 2) / Math.log(2));
    }

    /** Running means of the three figures over the CoPs asked about. */
    static final class Means {
        private final int k;
        private double recall;
        private double reciprocal;
        private double ndcg;
        private int n;

        Means(int k) {
            this.k = k;
        }

        void add(List<String> ranked, Set<String> relevant) {
            recall += recallAt(ranked, relevant, k);
            reciprocal += reciprocalRank(ranked.subList(0, Math.min(k, ranked.size())), relevant);
            ndcg += ndcgAt(ranked, relevant, k);
            n++;
        }

        int count() {
            return n;
        }

        double recall() {
            return n == 0 ? Double.NaN : recall / n;
        }

        double mrr() {
            return n == 0 ? Double.NaN : reciprocal / n;
        }

        double ndcg() {
            return n == 0 ? Double.NaN : ndcg / n;
        }
    }
}
