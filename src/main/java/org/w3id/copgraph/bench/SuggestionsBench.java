package org.w3id.copgraph.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.w3id.copgraph.Home;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.RdfFiles;
import org.w3id.copgraph.store.Store;

/**
 * The suggestions part of the benchmark (issue goals at 10,000 CoPs: recall@10 at least 1.2× the best baseline's; p95 of
 * one CoP's suggestions ≤ 50 ms; every CoP's suggestions ≤ 60 s). It generates the synthetic ecosystem (with the seed
 * graph), hides a fifth of its cross-pollinations (a seeded choice), bulk-loads the rest into a fresh store, and asks
 * copgraph's suggestions and each {@link Baselines baseline} whom each CoP that lost a hidden cross-pollination could
 * learn from. The right answers are the hidden sources of its hidden cross-pollinations (less any it is still linked with
 * by a visible one). It reports recall@10, MRR (first hit within the ten) and nDCG@10, each with its ratio to the best
 * baseline's, and the time suggestions take.
 */
final class SuggestionsBench {

    static final int K = 10;
    /** The share of cross-pollinations hidden. */
    static final double HIDDEN = 0.2;
    static final String ENGINE = "copgraph suggestions";
    private static final int LATENCY_SAMPLE = 300;
    private static final int WARM_UP = 30;

    /** A way of ranking the CoPs one CoP could learn from, best first. */
    interface Ranker {
        List<String> learnFrom(String cop, int k);
    }

    /** copgraph's suggestions over one store, as the evaluation uses them; see {@link EngineRanker}. */
    interface Engine extends Ranker {
        /** Reads what the suggestions need from the store (timed apart: the server does it once per data version). */
        void prepare();

        /** One CoP's whole answer, as the API gives it (reasons and labels included): what the latency figures time. */
        void answer(String cop);

        /** Computes every CoP's best suggestions with reasons, as the server does for the derived graph after a change; returns how many. */
        int computeAll();
    }

    private final PrintStream log;
    private final long seed;

    SuggestionsBench(PrintStream log, long seed) {
        this.log = log;
        this.seed = seed;
    }

    /** What was hidden and what remains: per target CoP, the CoPs it could learn from that the store no longer shows. */
    record Split(Map<String, Set<String>> relevant, int crossPollinations, int hidden) {
    }

    void run(Figures f, Home home, Path dir, int cops) {
        Path storeDir = dir.resolve("suggestions-store");
        try {
            Processes.deleteTree(storeDir);
            Files.createDirectories(storeDir);
            long t0 = System.nanoTime();
            Split split;
            try (Store store = Store.open(storeDir)) {
                split = load(store, home, cops);
                long loadMs = (System.nanoTime() - t0) / 1_000_000;
                log.printf("  suggestions: %,d cross-pollinations, %,d hidden, %,d CoPs to ask about; generated and bulk-loaded in %,d ms%n",
                        split.crossPollinations(), split.hidden(), split.relevant().size(), loadMs);
                f.suggestionNotes.add(String.format("%,d cross-pollinations generated, %,d hidden (seed %d), %,d CoPs lost one"
                        + " and are asked about; the store was generated and bulk-loaded in %.1f s.",
                        split.crossPollinations(), split.hidden(), seed, split.relevant().size(), loadMs / 1000.0));
                evaluate(f, store, home, split);
            }
        } catch (java.io.IOException | RuntimeException e) {
            log.printf("  suggestions failed: %s%n", e);
            e.printStackTrace(log);
            f.notes.add("Suggestions: failed (" + e + ").");
        } finally {
            Processes.deleteTree(storeDir);
        }
    }

    /** Generates the ecosystem into {@code store}, less a fifth of its cross-pollinations; returns what was hidden. */
    Split load(Store store, Home home, int cops) {
        SyntheticEcosystem eco = new SyntheticEcosystem(cops, seed,
                SyntheticEcosystem.domainsOf(home.ontology().resolve("schemes.ttl")), Iris.DEFAULT);
        // Every CoP but the first makes the same number of cross-pollinations: hide exactly a fifth of them, chosen
        // by a shuffle of their positions (its own seeded random, so the data itself is the same as without hiding).
        int total = eco.crossPollinationCount();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed * 1_000_033L + 5));
        Set<Integer> hide = new HashSet<>(order.subList(0, (int) Math.round(total * HIDDEN)));
        List<int[]> kept = new ArrayList<>();
        List<int[]> hidden = new ArrayList<>();
        int[] next = {0};
        var seedGraph = RdfFiles.read(List.of(home.ontology(), home.data()), Iris.DEFAULT);
        store.bulkLoad(sink -> {
            seedGraph.find().forEachRemaining(sink::quad);
            eco.emit(new StreamRDFWrapper(sink) {
                @Override
                public void start() {
                }

                @Override
                public void finish() {
                }
            }, (from, to) -> {
                boolean keep = !hide.contains(next[0]++);
                (keep ? kept : hidden).add(new int[] {from, to});
                return keep;
            });
        }, null);
        // Stamps the data version, as load --bulk's change-log entry does: the suggestions are read once per version.
        store.write(d -> {
        });
        return split(kept, hidden, next[0]);
    }

    /** The relevant sources per target: hidden ones, less those the target is still linked with either way. */
    static Split split(List<int[]> kept, List<int[]> hidden, int total) {
        Set<Long> linked = new HashSet<>();
        for (int[] k : kept) {
            linked.add(pair(k[0], k[1]));
            linked.add(pair(k[1], k[0]));
        }
        Map<String, Set<String>> relevant = new TreeMap<>();
        for (int[] h : hidden) {
            if (h[0] != h[1] && !linked.contains(pair(h[0], h[1]))) {
                relevant.computeIfAbsent(cop(h[1]), k -> new HashSet<>()).add(cop(h[0]));
            }
        }
        return new Split(relevant, total, hidden.size());
    }

    private static long pair(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    static String cop(int i) {
        return Iris.DEFAULT.resource("cop", "synthetic-cop-" + i);
    }

    private void evaluate(Figures f, Store store, Home home, Split split) {
        long t0 = System.nanoTime();
        Baselines baselines = Baselines.read(store, seed, 600_000);
        long baselineMs = (System.nanoTime() - t0) / 1_000_000;
        log.printf("  suggestions: baselines read the store and built the network of any tie in %,d ms%n", baselineMs);
        Engine engine = EngineRanker.on(store);
        long p0 = System.nanoTime();
        engine.prepare();
        long prepareMs = (System.nanoTime() - p0) / 1_000_000;

        Map<String, Ranker> rankers = new LinkedHashMap<>();
        rankers.put(ENGINE, engine);
        rankers.put("random", baselines::random);
        rankers.put("most cross-pollinated (preferential attachment)", baselines::mostCrossPollinated);
        rankers.put("most connected (degree in the network of any tie)", baselines::mostConnected);
        rankers.put("shared-domain Jaccard", baselines::sharedDomains);
        rankers.put("common neighbours (network of any tie)", baselines::commonNeighbours);
        for (var e : rankers.entrySet()) {
            RankingMetrics.Means m = score(e.getValue()::learnFrom, split.relevant());
            f.suggestionRanking.add(new Figures.RankingRow(e.getKey(), !e.getKey().equals(ENGINE), m.count(), m.recall(), m.mrr(), m.ndcg()));
            log.printf("  suggestions: %-50s recall@10 %.3f  MRR %.3f  nDCG@10 %.3f  (%d CoPs)%n", e.getKey(), m.recall(), m.mrr(),
                    m.ndcg(), m.count());
        }
        f.suggestionTimes.add(new Figures.NetworkRow("read what suggestions need from the store (once per data version)",
                String.format("%,d ms", prepareMs)));
        List<String> all = baselines.cops();
        Random r = new Random(seed * 31 + 3);
        List<Double> times = new ArrayList<>();
        for (int i = -WARM_UP; i < LATENCY_SAMPLE; i++) {
            String cop = all.get(r.nextInt(all.size()));
            long s = System.nanoTime();
            engine.answer(cop);
            if (i >= 0) {
                times.add((System.nanoTime() - s) / 1e6);
            }
        }
        f.suggestionTimes.add(new Figures.NetworkRow(String.format("one CoP's suggestions with reasons (%d random CoPs; goal p95 ≤ 50 ms)",
                LATENCY_SAMPLE), String.format("p50 %.1f ms, p95 %.1f ms", Stats.percentile(times, 50), Stats.percentile(times, 95))));
        long a0 = System.nanoTime();
        int computed = engine.computeAll();
        double allS = (System.nanoTime() - a0) / 1e9;
        f.suggestionTimes.add(new Figures.NetworkRow(String.format("every CoP's suggestions computed, one after another (%,d CoPs, the"
                + " best 3 each with reasons, as for graph/suggestions after a change; writing the graph not included; goal ≤ 60 s)",
                computed), String.format("%.1f s", allS)));
        f.suggestionTimes.forEach(row -> log.printf("  suggestions: %s: %s%n", row.what(), row.figure()));
    }

    /** The mean figures of {@code ranker} over every CoP that has something to find. */
    static RankingMetrics.Means score(BiFunction<String, Integer, List<String>> ranker, Map<String, Set<String>> relevant) {
        RankingMetrics.Means m = new RankingMetrics.Means(K);
        relevant.forEach((cop, sources) -> m.add(ranker.apply(cop, K), sources));
        return m;
    }
}
