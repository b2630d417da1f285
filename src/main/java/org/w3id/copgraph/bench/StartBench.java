package org.w3id.copgraph.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Start-up, bulk load and the first minute (issue 17), each a goal beside its peer:
 * <ul>
 * <li>{@code --only load}: {@code load --bulk} and {@code tdb2.tdbloader} on the same file, each in
 * its own JVM, alternately, {@link #LOAD_ROUNDS} times; the best of each (the machine is shared, so
 * the least disturbed run of each says most about the program). Goal: ≤ 1.2×.</li>
 * <li>{@code --only start}: the cold start on the seed graph as {@link Benchmark#seedColdStart}
 * measures it, {@link #START_RUNS} times; the median. Goal: ≤ 2.5 s.</li>
 * <li>{@code --only firstminute}: copgraph started normally on the freshly loaded store (network
 * metrics, suggestions, precomputed pages and the directory's index all computed in the
 * background from start), the mixed SPARQL workload from the moment it answers, for
 * {@link #FIRST_MINUTE}; then the same on a standalone Fuseki started on a copy of the store.
 * Goal: p50 and p95 ≤ 1.1× Fuseki's.</li>
 * </ul>
 */
final class StartBench {

    static final Set<String> PARTS = Set.of("load", "start", "firstminute");
    static final int LOAD_ROUNDS = 2;
    static final int START_RUNS = 5;
    static final Duration FIRST_MINUTE = Duration.ofSeconds(60);
    static final int FIRST_MINUTE_CLIENTS = 4;

    /** What the parts need of the benchmark they run in. */
    interface Runs {
        long copgraphLoad(Figures f, Path data, long statements, Path store, Path dir) throws IOException;

        Long tdbloader(Figures f, Path data, long statements, Path dir) throws IOException;

        long seedColdStart() throws IOException;
    }

    private final Benchmark.Options o;
    private final Path home;
    private final SparqlClient client;
    private final PrintStream log;
    private final Runs runs;

    StartBench(Benchmark.Options o, Path home, SparqlClient client, PrintStream log, Runs runs) {
        this.o = o;
        this.home = home;
        this.client = client;
        this.log = log;
        this.runs = runs;
    }

    /** The cold start on the seed graph, {@link #START_RUNS} times: the median is the goal's figure. */
    void start(Figures f) throws IOException {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < START_RUNS; i++) {
            long one = runs.seedColdStart();
            ms.add((double) one);
            f.startMs.put("copgraph serve, empty store (seed graph), run " + (i + 1), one);
        }
        double median = Stats.percentile(ms, 50);
        f.goals.add(new Figures.Goal("cold start on the seed graph (empty store to first 200 on /health), median of "
                + START_RUNS, String.format(Locale.ROOT, "%.0f ms", median), null, Double.NaN, "≤ 2.5 s", median <= 2500,
                "`bench --only start`: `serve` in its own JVM (-Xmx" + o.heap() + ") on an empty store, from process start to"
                        + " the first 200 of /health; runs " + ms + " ms"));
    }

    /** {@code load --bulk} ÷ {@code tdb2.tdbloader}, best of {@link #LOAD_ROUNDS} each, run alternately. */
    void load(Figures f, Path data, long statements, Path dir) throws IOException {
        Path store = dir.resolve("copgraph-store");
        List<Long> ours = new ArrayList<>();
        List<Long> theirs = new ArrayList<>();
        for (int round = 0; round < LOAD_ROUNDS; round++) {
            Processes.deleteTree(store);
            Processes.deleteTree(Path.of(store + "-answers"));
            ours.add(runs.copgraphLoad(f, data, statements, store, dir));
            Long t = runs.tdbloader(f, data, statements, dir);
            if (t != null) {
                theirs.add(t);
            }
        }
        long best = ours.stream().mapToLong(Long::longValue).min().orElseThrow();
        if (theirs.isEmpty()) {
            f.goals.add(new Figures.Goal("bulk load ÷ tdb2.tdbloader", seconds(best), "not run (no Fuseki jar)", Double.NaN,
                    "≤ 1.2×", false, "`bench --only load`: tdb2.tdbloader could not run"));
            return;
        }
        long peer = theirs.stream().mapToLong(Long::longValue).min().orElseThrow();
        double ratio = (double) best / peer;
        String summary = f.loads.stream().filter(l -> l.who().startsWith(Report.COPGRAPH)).map(Figures.Load::note)
                .reduce((a, b) -> b).orElse("");
        f.goals.add(new Figures.Goal("bulk load ÷ tdb2.tdbloader (" + String.format(Locale.ROOT, "%,d", statements) + " statements)",
                seconds(best), seconds(peer) + " (tdb2.tdbloader)", ratio, "≤ 1.2×", ratio <= 1.2,
                "`bench --only load`: each in its own JVM (-Xmx" + o.heap() + ", start-up included), alternately, best of "
                        + LOAD_ROUNDS + " each (copgraph " + ours + " ms, tdbloader " + theirs + " ms). Last copgraph run: " + summary));
    }

    /**
     * The mixed workload in the first minute of a copgraph started normally on a freshly loaded
     * store (nothing precomputed yet), beside a standalone Fuseki in its first minute on a copy.
     */
    void firstMinute(Figures f, Path data, long statements, Path dir) throws IOException {
        Path store = dir.resolve("copgraph-store");
        runs.copgraphLoad(f, data, statements, store, dir);
        // Copied before copgraph first serves it: the same data, without what serve adds beside it.
        Path copy = dir.resolve("fuseki-store");
        Processes.copyTree(store, copy);
        Stats ours;
        long oursStart;
        try (Server s = Server.copgraph(store, home, dir, o.heap(), true)) {
            oursStart = s.startMs();
            ours = minute(s, "copgraph (background work on)", f);
            f.notes.add("copgraph's /health when its first minute ended: " + health(s.base()));
        }
        if (!Files.isRegularFile(o.fusekiJar())) {
            f.goals.add(new Figures.Goal("/sparql in the first minute ÷ standalone Fuseki", stats(ours), "not run (no Fuseki jar)",
                    Double.NaN, "≤ 1.1×", false, "`bench --only firstminute`: Fuseki could not run"));
            return;
        }
        Stats theirs;
        try (Server s = Server.fuseki(o.fusekiJar(), copy, dir, o.heap())) {
            theirs = minute(s, "fuseki", f);
        } finally {
            Processes.deleteTree(copy);
        }
        double p50 = ours.p50Ms() / theirs.p50Ms();
        double p95 = ours.p95Ms() / theirs.p95Ms();
        f.goals.add(new Figures.Goal("/sparql in the first minute after start ÷ standalone Fuseki, p50 · p95 ("
                + FIRST_MINUTE_CLIENTS + " clients)", stats(ours), stats(theirs), Math.max(p50, p95), "≤ 1.1× (p50 and p95)",
                p50 <= 1.1 && p95 <= 1.1, String.format(Locale.ROOT, "`bench --only firstminute`: the mixed workload from the first"
                        + " 200 for %d s, %d clients; copgraph started normally (metrics, suggestions, precomputed pages and"
                        + " the directory's index in the background from start; start-up %d ms), Fuseki on a copy of the same"
                        + " store; ratio p50 %.2f×, p95 %.2f× (the larger shown)",
                        FIRST_MINUTE.toSeconds(), FIRST_MINUTE_CLIENTS, oursStart, p50, p95)));
    }

    private Stats minute(Server s, String who, Figures f) {
        IntFunction<SparqlClient.Request> next = Benchmark.mixedWorkload(s.sparql(), f.cops, o.seed());
        Stats st = client.load(FIRST_MINUTE_CLIENTS, next, Integer.MAX_VALUE, FIRST_MINUTE);
        f.mixed.computeIfAbsent(who + ", first minute", k -> new java.util.LinkedHashMap<>()).put(FIRST_MINUTE_CLIENTS, st);
        log.printf("  first minute %-30s %d clients: %d requests, %d errors, p50 %.1f ms, p95 %.1f ms, %.1f req/s%n",
                who, FIRST_MINUTE_CLIENTS, st.requests(), st.errors(), st.p50Ms(), st.p95Ms(), st.perSecond());
        return st;
    }

    private static String stats(Stats s) {
        return String.format(Locale.ROOT, "p50 %.1f ms · p95 %.1f ms · %.1f req/s", s.p50Ms(), s.p95Ms(), s.perSecond());
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** What a server's background work had done, as /health tells it. */
    private String health(String base) {
        try {
            SparqlClient.Response r = client.send(SparqlClient.Request.get(base + "/health"));
            String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).replace('\n', ' ');
            return body.length() > 600 ? body.substring(0, 600) + "…" : body;
        } catch (IOException | RuntimeException e) {
            return "unknown: " + e.getMessage();
        }
    }
}
