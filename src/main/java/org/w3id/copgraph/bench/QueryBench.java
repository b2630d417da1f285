package org.w3id.copgraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Home;
import org.w3id.copgraph.Settings;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.queries.CuratedQuery;
import org.w3id.copgraph.queries.ResultFormat;
import org.w3id.copgraph.store.Store;

/**
 * Benchmark (not a test) of the curated queries on a synthetic ecosystem: generates N CoPs,
 * loads them with the seed into a temporary TDB2 store, then for every curated query with its
 * defaults prints cold p50/p95 (store reopened before each run, so TDB2's caches are empty;
 * the OS file cache is not), warm p50/p95 (computed again and again, result cache bypassed)
 * and the cache-hit p50 (answered from the result cache).
 *
 * <pre>java -cp target/copgraph.jar org.w3id.copgraph.bench.QueryBench [--cops 10000] [--seed 1]
 *     [--cold 5] [--warm 20] [--shacl]</pre>
 * The synthetic graph is loaded without SHACL (it is generated to conform, which the tests check
 * on a small one); {@code --shacl} checks the whole store too and reports how long that takes.
 */
public final class QueryBench {

    private QueryBench() {
    }

    public static void main(String[] args) throws IOException {
        int cops = intArg(args, "--cops", 10_000);
        long seed = intArg(args, "--seed", 1);
        int coldRuns = intArg(args, "--cold", 5);
        int warmRuns = intArg(args, "--warm", 20);
        boolean shacl = List.of(args).contains("--shacl");
        Home home = Home.current();
        Path dir = Files.createTempDirectory("copgraph-bench");
        Settings settings = Settings.defaults().withStore(dir).withQueryTimeout(300_000);

        long t0 = System.nanoTime();
        try (Copgraph cg = Copgraph.open(settings)) {
            cg.loader().loadSeedIfEmpty();
            System.out.printf("seed loaded (SHACL-checked) in %d ms%n", ms(t0));
            long t1 = System.nanoTime();
            SyntheticEcosystem eco = new SyntheticEcosystem(cops, seed,
                    SyntheticEcosystem.domainsOf(home.ontology().resolve("schemes.ttl")), Iris.DEFAULT);
            cg.store().write(dsg -> {
                StreamRDF sink = StreamRDFLib.dataset(dsg);
                eco.emit(new Progress(sink));
            });
            long statements = cg.store().tripleCount();
            System.out.printf("%d synthetic CoPs generated and loaded without SHACL in %d ms; store holds %d statements%n",
                    cops, ms(t1), statements);
            if (shacl) {
                long t2 = System.nanoTime();
                var report = org.w3id.copgraph.store.Shacl.fromFile(home.shapes())
                        .check(cg.store().dataset().getUnionGraph());
                System.out.printf("SHACL check of the whole store: %s in %d ms%n",
                        report.conforms() ? "conforms" : "VIOLATIONS", ms(t2));
            }
        }

        System.out.printf("%n%-28s %9s %9s %9s %9s %9s %6s%n", "query", "cold p50", "cold p95", "warm p50",
                "warm p95", "hit p50", "rows");
        List<String> names = new ArrayList<>();
        try (Copgraph cg = Copgraph.open(settings)) {
            cg.queries().list().forEach(q -> names.add(q.name()));
        }
        for (String name : names) {
            List<Double> cold = new ArrayList<>();
            for (int i = 0; i < coldRuns; i++) {
                try (Copgraph cg = Copgraph.open(settings)) {
                    long s = System.nanoTime();
                    run(cg, name, false);
                    cold.add((System.nanoTime() - s) / 1e6);
                }
            }
            try (Copgraph cg = Copgraph.open(settings)) {
                List<Double> warm = new ArrayList<>();
                long budget = System.nanoTime() + 60_000_000_000L;
                int rows = 0;
                for (int i = 0; i < warmRuns && (i < 3 || System.nanoTime() < budget); i++) {
                    long s = System.nanoTime();
                    rows = run(cg, name, false);
                    warm.add((System.nanoTime() - s) / 1e6);
                }
                List<Double> hits = new ArrayList<>();
                run(cg, name, true);
                for (int i = 0; i < 200; i++) {
                    long s = System.nanoTime();
                    run(cg, name, true);
                    hits.add((System.nanoTime() - s) / 1e6);
                }
                System.out.printf("%-28s %9.1f %9.1f %9.1f %9.1f %9.3f %6d%n", name, pct(cold, 50), pct(cold, 95),
                        pct(warm, 50), pct(warm, 95), pct(hits, 50), rows);
            }
        }
        System.out.println("\ntimes in ms; cold = store reopened before each run; warm = computed again, cache"
                + " bypassed; hit = answered from the result cache (CSV, defaults)");
    }

    /** Runs a query with its defaults as CSV and returns its row count. */
    private static int run(Copgraph cg, String name, boolean cached) {
        CuratedQuery q = cg.queries().get(name);
        ResultFormat f = ResultFormat.offeredFor(q).contains(ResultFormat.CSV) ? ResultFormat.CSV : ResultFormat.NTRIPLES;
        var a = cached ? cg.queries().answer(name, Map.of(), f, cg.store())
                : cg.queries().answerUncached(name, Map.of(), f, cg.store());
        int lines = 0;
        for (byte b : a.body()) {
            if (b == '\n') {
                lines++;
            }
        }
        return f == ResultFormat.CSV ? Math.max(0, lines - 1) : lines;
    }

    private static double pct(List<Double> xs, int p) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static int intArg(String[] args, String name, int dflt) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return dflt;
    }

    /** Prints a line every 250,000 statements, since a large load takes a while. */
    private static final class Progress extends org.apache.jena.riot.system.StreamRDFWrapper {
        private long n;
        private final long t0 = System.nanoTime();

        Progress(StreamRDF other) {
            super(other);
        }

        @Override
        public void quad(org.apache.jena.sparql.core.Quad quad) {
            super.quad(quad);
            if (++n % 250_000 == 0) {
                System.out.printf("  %,d statements loaded (%d ms)%n", n, ms(t0));
            }
        }
    }
}
