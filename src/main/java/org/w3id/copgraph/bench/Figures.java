package org.w3id.copgraph.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one benchmark run measured for one size; {@link Report} turns it into Markdown. */
final class Figures {

    /** Times of one load, in milliseconds (null: not run). */
    record Load(String who, long statements, Long ms, String note) {
        double perSecond() {
            return ms == null || ms == 0 ? Double.NaN : statements * 1000.0 / ms;
        }
    }

    /** One curated query on every target: cold (first run on a fresh server) and warm p50, and rows. */
    static final class QueryRow {
        final String name;
        final Map<String, Double> cold = new LinkedHashMap<>();
        final Map<String, Double> warm = new LinkedHashMap<>();
        final Map<String, Long> rows = new LinkedHashMap<>();

        QueryRow(String name) {
            this.name = name;
        }
    }

    final int cops;
    final List<Load> loads = new ArrayList<>();
    final Map<String, Long> startMs = new LinkedHashMap<>();
    final Map<String, QueryRow> queries = new LinkedHashMap<>();
    /** Target name, then clients, then the figures. */
    final Map<String, Map<Integer, Stats>> mixed = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    /** Curated queries asked with their documented example arguments (past the precomputed pages). */
    final Map<String, QueryRow> examples = new LinkedHashMap<>();
    /** Time to precompute the first pages of the curated queries, and how many (null: not run). */
    Long precomputeMs;
    int precomputed;
    /** The network figures (what, figure), in the order measured. */
    final List<NetworkRow> network = new ArrayList<>();

    /** The directory figures ({@code /cops}), in the order measured. */
    final List<NetworkRow> directory = new ArrayList<>();

    record NetworkRow(String what, String figure) {
    }

    /** Label search: the text index beside the scan (what, figure), in the order measured. */
    final List<NetworkRow> search = new ArrayList<>();

    /** One way of ranking whom a CoP could learn from, and how well it found the hidden cross-pollinations. */
    record RankingRow(String method, boolean baseline, int asked, double recall, double mrr, double ndcg) {
    }

    /** The suggestions' quality (copgraph's first, then the baselines), their times, and notes on the run. */
    final List<RankingRow> suggestionRanking = new ArrayList<>();
    final List<NetworkRow> suggestionTimes = new ArrayList<>();
    final List<String> suggestionNotes = new ArrayList<>();

    /**
     * One speed goal of the issue that asked for it (scale-out, issue 17): the figure, copgraph's
     * value, the peer it is set beside and its value (both as printed, with units), the ratio
     * (copgraph ÷ peer, or NaN where the goal is an absolute figure), the goal as written, whether
     * it was met, and how it was measured (or why not, with the plan or profile that says so).
     */
    record Goal(String figure, String copgraph, String peer, double ratio, String goal, boolean met, String how) {
    }

    /** The goals measured in this run, in the order measured; {@link Report} prints them first. */
    final List<Goal> goals = new ArrayList<>();

    /** Markdown sections (a heading and a table) a part writes itself; {@link Report} prints them after the others. */
    final List<String> sections = new ArrayList<>();

    Figures(int cops) {
        this.cops = cops;
    }

    QueryRow example(String name) {
        return examples.computeIfAbsent(name, QueryRow::new);
    }

    QueryRow query(String name) {
        return queries.computeIfAbsent(name, QueryRow::new);
    }
}
