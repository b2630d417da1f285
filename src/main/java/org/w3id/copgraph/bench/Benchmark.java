package org.w3id.copgraph.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Home;
import org.w3id.copgraph.Settings;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.queries.CuratedQueries;
import org.w3id.copgraph.queries.CuratedQuery;
import org.w3id.copgraph.store.RdfFiles;

/**
 * copgraph beside the servers people would use instead. For each size: generates the synthetic
 * ecosystem (with the seed graph) as N-Quads; loads it with {@code load --bulk}'s path and with
 * Jena's {@code tdb2.tdbloader}; serves it with copgraph, with a standalone Fuseki of the same
 * version on a copy of the store, and with Virtuoso on a dump of that store; runs every curated
 * query (cold and warm) and a mixed SPARQL workload at each client count on each; writes Markdown.
 * Every server runs on loopback, one at a time (the machine's cores are shared), and every loop
 * stops after a number of requests or an amount of time, whichever comes first.
 */
public final class Benchmark {

    /** What to run; see {@code copgraph bench --help}. */
    public record Options(List<Integer> cops, List<Integer> clients, List<String> peers, Path out, Path work,
                          Path fusekiJar, String heap, int warmRuns, int requests, Duration duration, long seed, String only) {

        /** Whether only the directory part runs ({@code --only directory}): generate, load, then {@code /cops}. */
        boolean directoryOnly() {
            return "directory".equals(only);
        }

        /** Whether only the ad-hoc part runs ({@code --only adhoc}): generate, load, then ad-hoc SPARQL, cache hits, a front on Virtuoso. */
        boolean adhocOnly() {
            return "adhoc".equals(only);
        }

        /** Whether only the suggestions part runs ({@code --only suggestions}): generate, hide a fifth, load, rank. */
        boolean suggestionsOnly() {
            return "suggestions".equals(only);
        }

        /**
         * Whether only the curated-queries part runs ({@code --only queries}): generate, load, label
         * search in process, then each query's example cold on a fresh copgraph and a fresh Virtuoso.
         */
        boolean queriesOnly() {
            return "queries".equals(only);
        }
    }

    private final Options o;
    private final Home home;
    private final PrintStream log;
    private final SparqlClient client = new SparqlClient(Duration.ofSeconds(150));

    public Benchmark(Options options, Home home, PrintStream log) {
        this.o = options;
        this.home = home;
        this.log = log;
    }

    /** Runs everything and writes the report; returns its text. */
    public String run() throws IOException {
        Files.createDirectories(o.work());
        List<String> peers = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String p : o.peers()) {
            String why = switch (p) {
                case "fuseki" -> Files.isRegularFile(o.fusekiJar()) ? null : "no " + o.fusekiJar()
                        + " (mvn dependency:copy -Dartifact=org.apache.jena:jena-fuseki-server:5.6.0 -DoutputDirectory=...)";
                case "virtuoso" -> Virtuoso.unavailable();
                default -> "unknown peer '" + p + "' (known: fuseki, virtuoso)";
            };
            if (why == null) {
                peers.add(p);
            } else {
                skipped.add(p + ": skipped, " + why);
                log.println("Peer " + p + " skipped: " + why);
            }
        }
        List<Figures> runs = new ArrayList<>();
        long seedStart = o.only() != null ? -1 : seedColdStart();
        for (int n : o.cops()) {
            Figures f = new Figures(n);
            try {
                runSize(f, peers);
            } catch (IOException | RuntimeException e) {
                f.notes.add("The run stopped early: " + e);
                log.println("Size " + n + " stopped early: " + e);
                e.printStackTrace(log);
            }
            runs.add(f);
            String md = Report.markdown(header(peers, skipped, seedStart), peers, runs);
            Files.createDirectories(o.out().toAbsolutePath().getParent());
            Files.writeString(o.out(), md);
        }
        return Files.readString(o.out());
    }

    private String header(List<String> peers, List<String> skipped, long seedStart) {
        StringBuilder h = new StringBuilder("# copgraph benchmark\n\n");
        h.append(String.format("Run on %s, %d cores, Java %s, heap -Xmx%s for copgraph and Fuseki; peers: %s.%n%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), o.heap(),
                peers.isEmpty() ? "none" : String.join(", ", peers)));
        skipped.forEach(s -> h.append("- ").append(s).append('\n'));
        if (seedStart >= 0) {
            h.append(String.format("- Cold start on the seed graph (empty store: `serve` loads ontology/ and data/, then /health answers 200): %d ms%n", seedStart));
        } else {
            h.append("- Only the ").append(o.only()).append(" part ran (`--only ").append(o.only()).append("`).\n");
        }
        h.append(String.format("- Mixed workload: at most %d requests or %d s per client count, whichever comes first; warm = p50 of up to %d repeats.%n",
                o.requests(), o.duration().toSeconds(), o.warmRuns()));
        h.append("- Ratios are copgraph ÷ peer: below 1 for times, above 1 for throughput, means copgraph is faster.\n");
        return h.toString();
    }

    private long seedColdStart() throws IOException {
        Path dir = o.work().resolve("seed");
        Processes.deleteTree(dir);
        Files.createDirectories(dir);
        try (Server s = Server.copgraph(dir.resolve("store"), home.root(), dir, o.heap())) {
            log.printf("Cold start on the seed graph: %d ms%n", s.startMs());
            return s.startMs();
        } finally {
            Processes.deleteTree(dir.resolve("store"));
        }
    }

    private void runSize(Figures f, List<String> peers) throws IOException {
        Path dir = o.work().resolve("cops-" + f.cops);
        Processes.deleteTree(dir);
        Files.createDirectories(dir);
        if (o.suggestionsOnly()) {
            suggestions(f, dir);
            return;
        }
        StartBench start = new StartBench(o, home.root(), client, log, new StartBench.Runs() {
            @Override
            public long copgraphLoad(Figures fig, Path data, long statements, Path store, Path d) throws IOException {
                return Benchmark.this.copgraphLoad(fig, data, statements, store, d);
            }

            @Override
            public Long tdbloader(Figures fig, Path data, long statements, Path d) throws IOException {
                return Benchmark.this.tdbloader(fig, data, statements, d);
            }

            @Override
            public long seedColdStart() throws IOException {
                return Benchmark.this.seedColdStart();
            }
        });
        if ("start".equals(o.only())) {
            start.start(f);
            return;
        }
        Path data = dir.resolve("data.nq");
        long statements = generate(f.cops, data);
        log.printf("%n== %,d CoPs: %,d statements in %s%n", f.cops, statements, data);
        if ("load".equals(o.only())) {
            start.load(f, data, statements, dir);
            return;
        }
        if ("firstminute".equals(o.only())) {
            start.firstMinute(f, data, statements, dir);
            return;
        }

        // copgraph's bulk path: TDB2 bulk loader, then the write path's checks and one change-log entry.
        Path store = dir.resolve("copgraph-store");
        Settings settings = Settings.defaults().withStore(store).withQueryTimeout(120_000);
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, Map<String, String>> examples = new LinkedHashMap<>();
        copgraphLoad(f, data, statements, store, dir);
        if (o.directoryOnly()) {
            directory(f, store, dir);
            return;
        }
        if ("network".equals(o.only())) {
            network(f, store, dir);
            return;
        }
        if (o.adhocOnly()) {
            // As in a full run: the curated first pages computed before any server starts, so that
            // no server computes them in the background while the ad-hoc queries are timed.
            try (Copgraph cg = inProcess(store, settings)) {
                f.precomputed = cg.queries().precompute(cg.store());
            }
            Path dump = dir.resolve("store.nq");
            dump(store, dump);
            new AdhocBench(client, log, o).run(f, home, store, dump, dir, peers);
            return;
        }
        if (o.queriesOnly()) {
            curatedExamples(f, store, dir, peers);
            return;
        }
        if ("search".equals(o.only())) {
            // The label search alone, in process on the loaded store, as in a full run.
            try (Copgraph cg = inProcess(store, settings)) {
                new SearchBench(log).run(f, cg, home, o.seed());
            }
            return;
        }
        try (Copgraph cg = inProcess(store, settings)) {
            // The servers timing queries start with --no-metrics-at-start, so that computing the
            // metrics graph does not take a core from the queries; the network has a server of its own.
            for (CuratedQuery q : cg.queries().list()) {
                texts.put(q.name(), sparqlText(cg.queries(), q));
                if (!q.examples().isEmpty()) {
                    examples.put(q.name(), q.examples().get(0));
                }
            }
            // What serve does in the background once per data version; kept beside the store, so
            // the servers started below find the first pages computed.
            long p0 = System.nanoTime();
            f.precomputed = cg.queries().precompute(cg.store());
            f.precomputeMs = (System.nanoTime() - p0) / 1_000_000;
            log.printf("precomputed %d curated first pages: %d ms%n", f.precomputed, f.precomputeMs);
            new SearchBench(log).run(f, cg, home, o.seed());
        }
        tdbloader(f, data, statements, dir);
        Path dump = dir.resolve("store.nq");
        long dumped = dump(store, dump);

        // copgraph: /sparql pass (and the mixed workload) on one fresh server, /api/queries on another.
        try (Server s = Server.copgraph(store, home.root(), dir, o.heap())) {
            f.startMs.put("copgraph serve (loaded store)", s.startMs());
            curatedSparql(f, s, Report.COPGRAPH, texts);
            mixed(f, s, Report.COPGRAPH);
        }
        try (Server s = Server.copgraph(store, home.root(), dir, o.heap())) {
            curatedApi(f, s, texts.keySet());
        }
        // Arguments nobody asked before: no precomputed page, the store answers (on a fresh server).
        try (Server s = Server.copgraph(store, home.root(), dir, o.heap())) {
            examples.forEach((name, args) -> {
                StringBuilder url = new StringBuilder(s.base() + CuratedQueries.API + name + "?");
                args.forEach((k, v) -> url.append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                        .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)).append('&'));
                url.setLength(url.length() - 1);
                timeQuery(f.example(name), Report.API, SparqlClient.Request.get(url.toString()));
            });
        }
        network(f, store, dir);
        directory(f, store, dir);
        suggestions(f, dir);
        if (peers.contains("fuseki")) {
            Path copy = dir.resolve("fuseki-store");
            Processes.copyTree(store, copy);
            try (Server s = Server.fuseki(o.fusekiJar(), copy, dir, o.heap())) {
                f.startMs.put("fuseki (same store, copied)", s.startMs());
                curatedSparql(f, s, "fuseki", texts);
                mixed(f, s, "fuseki");
            } finally {
                Processes.deleteTree(copy);
            }
        }
        if (peers.contains("virtuoso")) {
            virtuoso(f, dir, dump, dumped, texts);
        }
        new AdhocBench(client, log, o).run(f, home, store, dump, dir, peers);
    }

    /**
     * The network on a server started normally (metrics computed in the background from start),
     * then on a restarted one: first metrics, changes through the write path, store growth. See {@link NetworkBench}.
     */
    private void network(Figures f, Path store, Path dir) throws IOException {
        NetworkBench bench = new NetworkBench(client, log);
        try (Server s = Server.copgraph(store, home.root(), dir, o.heap(), true)) {
            f.startMs.put("copgraph serve (network metrics computed in the background from start)", s.startMs());
            bench.run(f, s, o.seed());
        }
        bench.restarted(f, store, home.root(), dir, o.heap(), o.seed());
    }

    /** copgraph opened in this process on a loaded store, as the benchmarks use it: no port, queries up to 120 s. */
    private Copgraph inProcess(Path store, Settings settings) {
        return Copgraph.open(new Settings(home, store, settings.iris(), 0, 120_000, null, null, null, Settings.Serving.DEFAULTS,
                settings.sparqlLimits()).withStaleAfter(settings.staleAfter()));
    }

    /**
     * {@code --only queries}: label search in process (its p95 goal), then every curated query with
     * its first example cold on a fresh copgraph and on a fresh Virtuoso of the same data (one goal
     * row each): see {@link CuratedBench}.
     */
    private void curatedExamples(Figures f, Path store, Path dir, List<String> peers) throws IOException {
        Map<String, Map<String, String>> examples;
        Map<String, String> texts = new LinkedHashMap<>();
        Settings settings = Settings.defaults().withStore(store);
        try (Copgraph cg = inProcess(store, settings)) {
            examples = CuratedBench.examples(cg.queries().list());
            examples.forEach((name, args) -> texts.put(name, CuratedBench.sparqlText(cg.queries().get(name), args)));
            new SearchBench(log).run(f, cg, home, o.seed());
        }
        CuratedBench bench = new CuratedBench(client, log);
        try (Server s = Server.copgraph(store, home.root(), dir, o.heap())) {
            f.startMs.put("copgraph serve (loaded store)", s.startMs());
            bench.copgraph(f, s, examples);
        }
        if (!peers.contains("virtuoso")) {
            f.notes.add("Curated queries: no Virtuoso peer, so no ratio.");
            return;
        }
        Path dump = dir.resolve("store.nq");
        long dumped = dump(store, dump);
        Virtuoso v = new Virtuoso(dir.resolve("virtuoso"), Processes.freePort(), Processes.freePort(), o.heap());
        Process p = v.start();
        try {
            long ms = v.load(dump);
            f.loads.add(new Figures.Load("virtuoso ld_dir + rdf_loader_run (dump of the copgraph store)", dumped, ms, ""));
        } finally {
            v.shutdown(p);
        }
        // Restarted after loading, so its runs are cold as copgraph's are.
        p = null;
        try {
            long t0 = System.nanoTime();
            p = v.start();
            f.startMs.put("virtuoso (loaded)", (System.nanoTime() - t0) / 1_000_000);
            bench.peer(f, new Server("virtuoso", p, v.httpBase(), v.httpBase() + "/sparql", 0), "virtuoso", texts);
        } finally {
            if (p != null) {
                v.shutdown(p);
            }
            Processes.deleteTree(dir.resolve("virtuoso"));
        }
        CuratedBench.goals(f, "virtuoso", CuratedBench.PLAN_NOTES);
    }

    /** {@code /cops} on a fresh server (no metrics computed beside it): see {@link DirectoryBench}. */
    private void directory(Figures f, Path store, Path dir) throws IOException {
        try (Server s = Server.copgraph(store, home.root(), dir, o.heap())) {
            f.startMs.put("copgraph serve (directory)", s.startMs());
            new DirectoryBench(client, log).run(f, s, o.seed());
        }
    }

    /** Suggestions against a hidden fifth of the cross-pollinations, in process on a store of their own: see {@link SuggestionsBench}. */
    private void suggestions(Figures f, Path dir) {
        log.printf("%n== %,d CoPs: suggestions%n", f.cops);
        new SuggestionsBench(log, o.seed()).run(f, home, dir, f.cops);
    }

    private long generate(int cops, Path file) throws IOException {
        long[] n = {0};
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            StreamRDF out = StreamRDFWriter.getWriterStream(os, RDFFormat.NQUADS);
            StreamRDF counting = new org.apache.jena.riot.system.StreamRDFWrapper(out) {
                @Override
                public void quad(org.apache.jena.sparql.core.Quad q) {
                    n[0]++;
                    super.quad(q);
                }
            };
            counting.start();
            var seed = RdfFiles.read(List.of(home.ontology(), home.data()), Iris.DEFAULT);
            seed.find().forEachRemaining(counting::quad);
            new SyntheticEcosystem(cops, o.seed(), SyntheticEcosystem.domainsOf(home.ontology().resolve("schemes.ttl")),
                    Iris.DEFAULT).emit(new org.apache.jena.riot.system.StreamRDFWrapper(counting) {
                        @Override
                        public void start() {
                        }

                        @Override
                        public void finish() {
                        }
                    });
            counting.finish();
        }
        return n[0];
    }

    /**
     * copgraph's bulk path as a user runs it, and as tdb2.tdbloader is run below: its own JVM with
     * the servers' heap, JVM start-up included. Its last line says how the time divides.
     */
    private long copgraphLoad(Figures f, Path data, long statements, Path store, Path dir) throws IOException {
        Path logFile = dir.resolve("copgraph-load.log");
        long t0 = System.nanoTime();
        int code = Processes.run(List.of(Server.java(), "-Xmx" + o.heap(), "-cp", Server.classPath(), "org.w3id.copgraph.cli.Main",
                "load", "--bulk", "--home", home.root().toString(), "--store", store.toString(), data.toString()),
                dir, logFile, Duration.ofMinutes(60));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (code != 0) {
            throw new IOException("copgraph load --bulk failed with exit " + code + "; see " + logFile);
        }
        String summary = Files.readAllLines(logFile).stream().filter(l -> l.startsWith("Bulk-loaded")).reduce((x, y) -> y).orElse("");
        f.loads.add(new Figures.Load("copgraph load --bulk (load + SHACL check + change log; separate JVM)", statements, ms,
                "includes its JVM start-up. " + summary));
        log.printf("copgraph load --bulk: %d ms (exit %d): %s%n", ms, code, summary);
        return ms;
    }

    private Long tdbloader(Figures f, Path data, long statements, Path dir) throws IOException {
        if (!Files.isRegularFile(o.fusekiJar())) {
            f.loads.add(new Figures.Load("tdb2.tdbloader", statements, null, "not run: no " + o.fusekiJar()));
            return null;
        }
        Path loc = dir.resolve("tdbloader-store");
        long t0 = System.nanoTime();
        // The standalone Fuseki jar carries Jena's command-line tools, tdb2.tdbloader among them.
        int code = Processes.run(List.of(Server.java(), "-Xmx" + o.heap(), "-cp", o.fusekiJar().toString(),
                "tdb2.tdbloader", "--loc", loc.toString(), data.toString()), dir, dir.resolve("tdbloader.log"), Duration.ofMinutes(60));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        f.loads.add(new Figures.Load("tdb2.tdbloader (phased, its default; separate JVM)", statements, code == 0 ? ms : null,
                code == 0 ? "includes its JVM start-up." : "failed with exit " + code));
        log.printf("tdb2.tdbloader: %d ms (exit %d)%n", ms, code);
        Processes.deleteTree(loc);
        return code == 0 ? ms : null;
    }

    /** The named graphs of the loaded store as N-Quads, so Virtuoso serves exactly what copgraph serves. */
    private long dump(Path store, Path file) throws IOException {
        long[] n = {0};
        try (var s = org.w3id.copgraph.store.Store.open(store);
             OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            s.read(d -> {
                StreamRDF out = StreamRDFWriter.getWriterStream(os, RDFFormat.NQUADS);
                out.start();
                d.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                    out.quad(q);
                    n[0]++;
                });
                out.finish();
                return null;
            });
        }
        return n[0];
    }

    /** The curated query as anyone would send it to a SPARQL endpoint: defaults bound, the API's page size as LIMIT. */
    static String sparqlText(CuratedQueries queries, CuratedQuery q) {
        Query parsed = QueryFactory.create(queries.editorText(q));
        if (parsed.isSelectType()) {
            long limit = parsed.hasLimit() ? Math.min(parsed.getLimit(), CuratedQueries.DEFAULT_LIMIT) : CuratedQueries.DEFAULT_LIMIT;
            parsed.setLimit(limit);
        }
        return parsed.serialize();
    }

    private void curatedSparql(Figures f, Server s, String target, Map<String, String> texts) {
        for (var e : texts.entrySet()) {
            timeQuery(f.query(e.getKey()), target, SparqlClient.Request.sparql(s.sparql(), e.getValue()));
        }
    }

    private void curatedApi(Figures f, Server s, Iterable<String> names) {
        for (String name : names) {
            timeQuery(f.query(name), Report.API, SparqlClient.Request.get(s.base() + CuratedQueries.API + name));
        }
    }

    /** First run (cold) then up to warmRuns repeats within 30 s (warm p50). */
    private void timeQuery(Figures.QueryRow row, String target, SparqlClient.Request r) {
        try {
            SparqlClient.Response first = client.send(r);
            if (first.status() / 100 != 2) {
                log.printf("  %-28s %-14s HTTP %d: %s%n", row.name, target, first.status(),
                        new String(first.body(), 0, Math.min(300, first.body().length)));
                row.rows.put(target, -1L);
                return;
            }
            row.cold.put(target, first.ms());
            row.rows.put(target, SparqlClient.rows(first));
            List<Double> warm = new ArrayList<>();
            long deadline = System.nanoTime() + 30_000_000_000L;
            for (int i = 0; i < o.warmRuns() && System.nanoTime() < deadline; i++) {
                SparqlClient.Response again = client.send(r);
                if (again.status() / 100 == 2) {
                    warm.add(again.ms());
                }
            }
            row.warm.put(target, Stats.percentile(warm, 50));
            log.printf("  %-28s %-14s cold %8.1f ms  warm %8.1f ms  rows %d%n", row.name, target, first.ms(),
                    row.warm.get(target), row.rows.get(target));
        } catch (IOException | RuntimeException e) {
            log.printf("  %-28s %-14s failed: %s%n", row.name, target, e);
            row.rows.put(target, -1L);
        }
    }

    private void mixed(Figures f, Server s, String target) {
        IntFunction<SparqlClient.Request> next = mixedWorkload(s.sparql(), f.cops, o.seed());
        for (int clients : o.clients()) {
            // A short warm-up, so each client count measures the same state of the caches.
            client.load(Math.min(clients, 4), next, 10, Duration.ofSeconds(10));
            Stats st = client.load(clients, next, o.requests(), o.duration());
            f.mixed.computeIfAbsent(target, k -> new LinkedHashMap<>()).put(clients, st);
            log.printf("  mixed %-10s %2d clients: %d requests, %d errors, p50 %.1f ms, p95 %.1f ms, %.1f req/s%n",
                    target, clients, st.requests(), st.errors(), st.p50Ms(), st.p95Ms(), st.perSecond());
        }
    }

    /** The i-th request of the mixed workload: the same sequence for every server. */
    static IntFunction<SparqlClient.Request> mixedWorkload(String endpoint, int cops, long seed) {
        String p = "PREFIX cop: <https://w3id.org/copgraph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";
        return i -> {
            Random r = new Random(seed * 1_000_003L + i);
            String cop = "<" + Iris.DEFAULT.resource("cop", "synthetic-cop-" + r.nextInt(cops)) + ">";
            String q = switch (i % 6) {
                case 0 -> p + "SELECT ?p ?o WHERE { " + cop + " ?p ?o }";
                case 1 -> p + "SELECT ?s WHERE { ?s rdfs:label \"Synthetic CoP " + r.nextInt(cops) + "\"@en }";
                case 2 -> p + "SELECT ?s ?l WHERE { ?s a cop:CommunityOfPractice ; rdfs:label ?l"
                        + " FILTER(CONTAINS(?l, \"CoP " + r.nextInt(cops) + "\")) } LIMIT 10";
                case 3 -> p + "SELECT ?d (COUNT(?c) AS ?n) WHERE { ?c a cop:CommunityOfPractice ; cop:domain ?d } GROUP BY ?d";
                case 4 -> p + "SELECT ?other (COUNT(*) AS ?shared) WHERE { " + cop + " cop:usesTool ?t . ?other cop:usesTool ?t"
                        + " FILTER(?other != " + cop + ") } GROUP BY ?other ORDER BY DESC(?shared) ?other LIMIT 10";
                default -> p + "SELECT ?practice ?label WHERE { " + cop + " cop:hasPractice ?practice . ?practice rdfs:label ?label }";
            };
            return SparqlClient.Request.sparql(endpoint, q);
        };
    }

    private void virtuoso(Figures f, Path dir, Path dump, long dumped, Map<String, String> texts) {
        Virtuoso v;
        try {
            v = new Virtuoso(dir.resolve("virtuoso"), Processes.freePort(), Processes.freePort(), o.heap());
            Process p = v.start();
            long ms;
            try {
                ms = v.load(dump);
            } finally {
                v.shutdown(p);
            }
            f.loads.add(new Figures.Load("virtuoso ld_dir + rdf_loader_run (dump of the copgraph store)", dumped, ms,
                    "the named graphs of the loaded copgraph store (with its change-log entry; a statement the generated file holds twice is stored once)."));
            log.printf("virtuoso load: %d ms%n", ms);
        } catch (IOException | RuntimeException e) {
            f.notes.add("Virtuoso could not be loaded: " + e.getMessage());
            return;
        }
        // Restarted after loading, so the first runs are cold as on the other servers.
        Process p = null;
        try {
            long t0 = System.nanoTime();
            p = v.start();
            f.startMs.put("virtuoso (loaded)", (System.nanoTime() - t0) / 1_000_000);
            Server s = new Server("virtuoso", p, v.httpBase(), v.httpBase() + "/sparql", 0);
            curatedSparql(f, s, "virtuoso", texts);
            mixed(f, s, "virtuoso");
        } catch (IOException | RuntimeException e) {
            f.notes.add("Virtuoso stopped early: " + e.getMessage());
        } finally {
            if (p != null) {
                v.shutdown(p);
            }
            Processes.deleteTree(dir.resolve("virtuoso"));
        }
    }
}
