package org.w3id.copgraph.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderTransformation;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.copgraph.Home;
import org.w3id.copgraph.queries.CuratedQueries;
import org.w3id.copgraph.store.Store;

/**
 * Ad-hoc SPARQL of the kinds researchers write (a class census, domain listings, label search, a
 * 2-hop join, a property path, an OPTIONAL-heavy listing, a count with a FILTER) on copgraph's
 * {@code /sparql}, a standalone Fuseki on a copy of the store and Virtuoso 7 on a dump of it; then
 * Virtuoso again behind a copgraph front ({@code serve --sparql-endpoint}), beside Virtuoso
 * directly, with these queries and the mixed workload; and the curated answers from the cache
 * over HTTP. Each goal of the scale-out issue it measures is one {@link Figures.Goal}; the plans
 * (ARQ's, with TDB2's reordering, and Virtuoso's {@code explain}) are written beside the report.
 */
final class AdhocBench {

    /** One ad-hoc query: a short name, the kind it stands for, the text. */
    record Adhoc(String name, String kind, String sparql) {
    }

    private static final String P = """
            PREFIX cop: <https://w3id.org/copgraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX org: <http://www.w3.org/ns/org#>
            PREFIX schema: <http://schema.org/>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            """;

    static final List<Adhoc> QUERIES = List.of(
            new Adhoc("class-census", "a class census", P
                    + "SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n) ?c"),
            new Adhoc("domain-listing", "a domain listing", P
                    + "SELECT ?domain ?label (COUNT(?cop) AS ?cops) WHERE { ?cop a cop:CommunityOfPractice ; cop:domain ?domain ."
                    + " ?domain skos:prefLabel ?label FILTER(lang(?label) = \"en\") } GROUP BY ?domain ?label ORDER BY DESC(?cops) ?domain"),
            new Adhoc("label-regex", "label search by regex", P
                    + "SELECT ?s ?label WHERE { ?s rdfs:label ?label FILTER(REGEX(?label, \"gathering of synthetic cop 12\", \"i\")) }"
                    + " ORDER BY ?s LIMIT 100"),
            new Adhoc("two-hop", "a 2-hop join", P
                    + "SELECT ?person (COUNT(DISTINCT ?other) AS ?n) WHERE { ?m org:organization ?cop ; org:member ?person ."
                    + " ?cop cop:crossPollinatedBy ?other } GROUP BY ?person ORDER BY DESC(?n) ?person LIMIT 100"),
            new Adhoc("property-path", "a property path", P
                    + "SELECT ?top (COUNT(DISTINCT ?cop) AS ?n) WHERE { ?cop cop:domain/skos:broader* ?top ."
                    + " ?top a skos:Concept FILTER NOT EXISTS { ?top skos:broader ?up } } GROUP BY ?top ORDER BY ?top"),
            new Adhoc("optional-listing", "an OPTIONAL-heavy listing", P
                    + "SELECT ?cop ?label ?description ?host ?network ?status ?reviewed WHERE { ?cop a cop:CommunityOfPractice ."
                    + " OPTIONAL { ?cop rdfs:label ?label } OPTIONAL { ?cop <http://purl.org/dc/terms/description> ?description }"
                    + " OPTIONAL { ?cop cop:hostedBy ?host } OPTIONAL { ?cop cop:inNetwork ?network }"
                    + " OPTIONAL { ?cop cop:status ?status } OPTIONAL { ?cop cop:lastReviewed ?reviewed } }"
                    + " ORDER BY ?cop LIMIT 1000"),
            new Adhoc("count-filter", "a count with a FILTER", P
                    + "SELECT (COUNT(*) AS ?n) WHERE { ?m a org:Membership ; schema:startDate ?start"
                    + " FILTER(?start >= \"2020-01-01\"^^xsd:date) }"));

    private final SparqlClient client;
    private final PrintStream log;
    private final Benchmark.Options o;

    AdhocBench(SparqlClient client, PrintStream log, Benchmark.Options o) {
        this.client = client;
        this.log = log;
        this.o = o;
    }

    /** Times of one query on one target: first run and p50 of the repeats, and the rows it answered. */
    record Timed(double coldMs, double warmMs, long rows) {
    }

    /**
     * Everything, on the loaded copgraph {@code store} and its {@code dump} (N-Quads of its named
     * graphs), with the peers that are available.
     */
    void run(Figures f, Home home, Path store, Path dump, Path dir, List<String> peers) throws IOException {
        log.printf("%n== %,d CoPs: ad-hoc SPARQL, cache hits, Virtuoso behind a front%n", f.cops);
        StringBuilder plans = new StringBuilder("# Plans of the ad-hoc queries, " + f.cops + " CoPs\n\n");
        arqPlans(store, plans);
        Map<String, Map<String, Timed>> times = new LinkedHashMap<>();
        QUERIES.forEach(q -> times.put(q.name(), new LinkedHashMap<>()));
        try (Server s = Server.copgraph(store, home.root(), dir, o.heap())) {
            timeAll(s, Report.COPGRAPH, times);
            cacheHits(f, s, home);
        }
        if (peers.contains("fuseki")) {
            Path copy = dir.resolve("fuseki-store");
            Processes.copyTree(store, copy);
            try (Server s = Server.fuseki(o.fusekiJar(), copy, dir, o.heap())) {
                timeAll(s, "fuseki", times);
            } finally {
                Processes.deleteTree(copy);
            }
        }
        Map<String, Map<Integer, Stats>> mixed = new LinkedHashMap<>();
        if (peers.contains("virtuoso")) {
            virtuoso(f, dir, dump, home, times, mixed, plans);
        }
        goals(f, times, mixed);
        f.sections.add(table(times, mixed));
        Path planFile = o.out().toAbsolutePath().getParent().resolve("adhoc-plans-" + f.cops + ".md");
        Files.createDirectories(planFile.getParent());
        Files.writeString(planFile, plans);
        f.notes.add("Plans of the ad-hoc queries (ARQ after TDB2's reordering, Virtuoso's explain): " + planFile);
    }

    /** ARQ's optimised algebra of each query, with its basic graph patterns in the order TDB2 runs them. */
    private void arqPlans(Path dir, StringBuilder md) {
        try (Store s = Store.open(dir)) {
            ReorderTransformation reorder = s.read(d -> TDBInternal.getDatasetGraphTDB(d).getReorderTransform());
            md.append("TDB2's reordering of basic graph patterns: ")
                    .append(reorder == null ? "none" : reorder.getClass().getSimpleName()).append(".\n\n");
            for (Adhoc q : QUERIES) {
                Query parsed = QueryFactory.create(q.sparql());
                Op op = Algebra.optimize(Algebra.compile(parsed));
                if (reorder != null) {
                    op = Transformer.transform(new TransformCopy() {
                        @Override
                        public Op transform(OpBGP bgp) {
                            return new OpBGP(reorder.reorder(bgp.getPattern()));
                        }
                    }, op);
                }
                md.append("## ").append(q.name()).append(" (").append(q.kind()).append(")\n\n```sparql\n")
                        .append(q.sparql().substring(P.length())).append("\n```\n\nARQ (optimised, BGPs as TDB2 reorders them):\n\n```\n")
                        .append(op).append("```\n\n");
            }
        } catch (RuntimeException e) {
            md.append("ARQ plans not captured: ").append(e.getMessage()).append("\n\n");
        }
    }

    private void timeAll(Server s, String target, Map<String, Map<String, Timed>> times) {
        for (Adhoc q : QUERIES) {
            Timed t = time(SparqlClient.Request.sparql(s.sparql(), q.sparql()));
            times.get(q.name()).put(target, t);
            log.printf("  %-18s %-18s cold %8.1f ms  warm %8.1f ms  rows %d%n", q.name(), target, t.coldMs(), t.warmMs(), t.rows());
        }
    }

    /** First run, then up to the warm-run count of repeats within 30 s; p50 of the repeats. */
    private Timed time(SparqlClient.Request r) {
        try {
            SparqlClient.Response first = client.send(r);
            if (first.status() / 100 != 2) {
                log.printf("    HTTP %d: %s%n", first.status(), new String(first.body(), 0, Math.min(300, first.body().length)));
                return new Timed(Double.NaN, Double.NaN, -1);
            }
            List<Double> warm = new ArrayList<>();
            long deadline = System.nanoTime() + 30_000_000_000L;
            for (int i = 0; i < Math.max(3, o.warmRuns()) && System.nanoTime() < deadline; i++) {
                SparqlClient.Response again = client.send(r);
                if (again.status() / 100 == 2) {
                    warm.add(again.ms());
                }
            }
            return new Timed(first.ms(), Stats.percentile(warm, 50), SparqlClient.rows(first));
        } catch (IOException | RuntimeException e) {
            log.printf("    failed: %s%n", e);
            return new Timed(Double.NaN, Double.NaN, -1);
        }
    }

    /**
     * The curated queries with their defaults from the result cache, over HTTP from one client:
     * each asked once (computed, or read from the pages precomputed beside the store), then asked
     * in turn {@code --requests} × 10 times (at least 2,000); the p50 of those.
     */
    private void cacheHits(Figures f, Server s, Home home) {
        List<String> names = new ArrayList<>();
        try (var stream = Files.list(home.queries())) {
            stream.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq")).sorted()
                    .forEach(n -> names.add(n.substring(0, n.length() - 3)));
        } catch (IOException e) {
            f.notes.add("Cache hits not measured: " + e.getMessage());
            return;
        }
        List<String> answered = new ArrayList<>();
        for (String n : names) {
            try {
                if (client.send(SparqlClient.Request.get(s.base() + CuratedQueries.API + n)).status() == 200) {
                    answered.add(n);
                }
            } catch (IOException e) {
                // a query that needs an argument or failed: not among those timed
            }
        }
        if (answered.isEmpty()) {
            f.notes.add("Cache hits not measured: no curated query answered without arguments.");
            return;
        }
        IntFunction<SparqlClient.Request> next = i -> SparqlClient.Request.get(s.base() + CuratedQueries.API + answered.get(i % answered.size()));
        client.load(1, next, 200, Duration.ofSeconds(20));
        Stats st = client.load(1, next, Math.max(2000, o.requests() * 10), Duration.ofSeconds(60));
        // The floor under it: the same client asking the same server for /health (no store, no body).
        IntFunction<SparqlClient.Request> health = i -> SparqlClient.Request.get(s.base() + "/health");
        client.load(1, health, 200, Duration.ofSeconds(20));
        Stats floor = client.load(1, health, Math.max(2000, o.requests() * 10), Duration.ofSeconds(60));
        log.printf("  curated answers from the cache (%d queries, 1 client): %d requests, p50 %.2f ms, p95 %.2f ms; /health p50 %.2f ms%n",
                answered.size(), st.requests(), st.p50Ms(), st.p95Ms(), floor.p50Ms());
        f.goals.add(new Figures.Goal("curated answer from the cache, p50 over HTTP (" + answered.size()
                + " queries with their defaults, 1 client)", ms(st.p50Ms()), "", Double.NaN, "≤ 2 ms", st.p50Ms() <= 2.0,
                String.format(Locale.ROOT, "`bench --only adhoc`: GET /api/queries/NAME in turn, %d requests after 200 warm-up, p95 %s;"
                        + " the same client's floor on the same server (GET /health) p50 %s; the store's version is held in memory"
                        + " between writes, the rendered bytes are cached, a SELECT is not copied on a hit",
                        st.requests(), ms(st.p95Ms()), ms(floor.p50Ms()))));
    }

    private void virtuoso(Figures f, Path dir, Path dump, Home home, Map<String, Map<String, Timed>> times,
                          Map<String, Map<Integer, Stats>> mixed, StringBuilder plans) {
        Virtuoso v;
        try {
            v = new Virtuoso(dir.resolve("virtuoso-adhoc"), Processes.freePort(), Processes.freePort(), o.heap());
            Process p = v.start();
            try {
                v.load(dump);
            } finally {
                v.shutdown(p);
            }
        } catch (IOException | RuntimeException e) {
            f.notes.add("Virtuoso could not be loaded for the ad-hoc part: " + e.getMessage());
            return;
        }
        Process p = null;
        try {
            p = v.start();
            Server direct = new Server("virtuoso", p, v.httpBase(), v.httpBase() + "/sparql", 0);
            timeAll(direct, "virtuoso", times);
            plans.append("# Virtuoso's plans (`explain`)\n\n");
            for (Adhoc q : QUERIES) {
                plans.append("## ").append(q.name()).append("\n\n```\n").append(v.explain(q.sparql())).append("\n```\n\n");
            }
            // Behind a front: the same Virtuoso, now warm, asked directly and through copgraph in turn.
            try (Server front = Server.copgraphFront(direct.sparql(), home.root(), dir, o.heap())) {
                timeAll(direct, "virtuoso (again)", times);
                timeAll(front, "front on virtuoso", times);
                for (int clients : o.clients()) {
                    mixed.computeIfAbsent("virtuoso", k -> new LinkedHashMap<>()).put(clients, mixed(direct, clients, f.cops));
                    mixed.computeIfAbsent("front on virtuoso", k -> new LinkedHashMap<>()).put(clients, mixed(front, clients, f.cops));
                }
            }
        } catch (IOException | RuntimeException e) {
            f.notes.add("Virtuoso (ad-hoc part) stopped early: " + e.getMessage());
        } finally {
            if (p != null) {
                v.shutdown(p);
            }
            Processes.deleteTree(dir.resolve("virtuoso-adhoc"));
        }
    }

    private Stats mixed(Server s, int clients, int cops) {
        IntFunction<SparqlClient.Request> next = Benchmark.mixedWorkload(s.sparql(), cops, o.seed());
        client.load(Math.min(clients, 4), next, 10, Duration.ofSeconds(10));
        Stats st = client.load(clients, next, o.requests(), o.duration());
        log.printf("  mixed %-18s %2d clients: %d requests, %d errors, p50 %.1f ms, p95 %.1f ms, %.1f req/s%n",
                s.name(), clients, st.requests(), st.errors(), st.p50Ms(), st.p95Ms(), st.perSecond());
        return st;
    }

    private void goals(Figures f, Map<String, Map<String, Timed>> times, Map<String, Map<Integer, Stats>> mixed) {
        for (Adhoc q : QUERIES) {
            Map<String, Timed> t = times.get(q.name());
            Timed c = t.get(Report.COPGRAPH);
            Timed v = t.get("virtuoso");
            if (c != null && v != null) {
                double r = c.warmMs() / v.warmMs();
                f.goals.add(new Figures.Goal("ad-hoc SPARQL ÷ Virtuoso 7, embedded store, warm p50: " + q.kind() + " (" + q.name() + ")",
                        ms(c.warmMs()), ms(v.warmMs()), r, "name the limit with plans and profiles; win back what the engine allows",
                        r <= 1.5, LIMITS.getOrDefault(q.name(), "see the plans")));
            }
            Timed d = t.get("virtuoso (again)");
            Timed fr = t.get("front on virtuoso");
            if (d != null && fr != null) {
                double r = fr.warmMs() / d.warmMs();
                f.goals.add(new Figures.Goal("/sparql of a front on Virtuoso ÷ Virtuoso directly, warm p50: " + q.name(),
                        ms(fr.warmMs()), ms(d.warmMs()), r, "≤ 1.1×", r <= 1.1,
                        "same query, same warm Virtuoso, directly and through `serve --sparql-endpoint`" + rowsNote(d, fr)));
            }
        }
        Map<Integer, Stats> direct = mixed.get("virtuoso");
        Map<Integer, Stats> front = mixed.get("front on virtuoso");
        if (direct != null && front != null) {
            direct.forEach((clients, d) -> {
                Stats fr = front.get(clients);
                double r = fr.p50Ms() / d.p50Ms();
                f.goals.add(new Figures.Goal("/sparql of a front on Virtuoso ÷ Virtuoso directly: mixed workload, " + clients
                        + " client(s), p50", ms(fr.p50Ms()), ms(d.p50Ms()), r, "≤ 1.1×", r <= 1.1,
                        String.format(Locale.ROOT, "p95 %s ÷ %s; %.1f ÷ %.1f req/s; errors %d ÷ %d", ms(fr.p95Ms()), ms(d.p95Ms()),
                                fr.perSecond(), d.perSecond(), fr.errors(), d.errors())));
            });
        }
    }

    private static String rowsNote(Timed a, Timed b) {
        return a.rows() == b.rows() ? "" : " (rows differ: " + b.rows() + " ÷ " + a.rows() + ")";
    }

    /** What each query's plan says limits it on the embedded store (from the plans written beside the report). */
    static final Map<String, String> LIMITS = Map.of(
            "class-census", "plan: one scan of every rdf:type quad, each type decoded from TDB2's node table and grouped in a hash map; Virtuoso counts on its POGS index without decoding",
            "domain-listing", "plan: BGP (type, domain) joined per CoP by index lookups, then a hash group; Virtuoso runs it vectorised on its column store",
            "label-regex", "plan: every rdfs:label literal decoded and matched by java.util.regex (no text index in a REGEX); Virtuoso scans its label column too",
            "two-hop", "plan: memberships by org:organization, then cross-pollinations per CoP, one index lookup per binding (nested loop), then DISTINCT per person",
            "property-path", "plan: skos:broader* evaluated per bound domain (path iterator per row); small concept scheme, the join on cop:domain dominates",
            "optional-listing", "plan: six left joins, each an index lookup per CoP, then a sort; the cost is per-row lookups and node decoding",
            "count-filter", "plan: type scan of org:Membership joined with schema:startDate, each date decoded and compared by ARQ");

    private String table(Map<String, Map<String, Timed>> times, Map<String, Map<Integer, Stats>> mixed) {
        List<String> targets = new ArrayList<>();
        times.values().forEach(m -> m.keySet().forEach(t -> {
            if (!targets.contains(t)) {
                targets.add(t);
            }
        }));
        StringBuilder md = new StringBuilder("\n### Ad-hoc SPARQL (ms: cold · warm p50; rows)\n\n| query | kind |");
        targets.forEach(t -> md.append(' ').append(t).append(" |"));
        md.append(" copgraph ÷ virtuoso (warm) | front ÷ virtuoso (warm) |\n|---|---|");
        targets.forEach(t -> md.append("---:|"));
        md.append("---:|---:|\n");
        for (Adhoc q : QUERIES) {
            Map<String, Timed> t = times.get(q.name());
            md.append("| ").append(q.name()).append(" | ").append(q.kind()).append(" |");
            for (String target : targets) {
                Timed x = t.get(target);
                md.append(' ').append(x == null ? "" : ms(x.coldMs()) + " · " + ms(x.warmMs()) + "; " + x.rows()).append(" |");
            }
            md.append(' ').append(ratio(t.get(Report.COPGRAPH), t.get("virtuoso"))).append(" | ")
                    .append(ratio(t.get("front on virtuoso"), t.get("virtuoso (again)"))).append(" |\n");
        }
        if (!mixed.isEmpty()) {
            md.append("\n### Mixed workload on Virtuoso, directly and behind a copgraph front\n\n| target | clients | requests | errors | p50 ms | p95 ms | req/s |\n|---|---:|---:|---:|---:|---:|---:|\n");
            mixed.forEach((target, byClients) -> byClients.forEach((c, st) -> md.append(String.format(Locale.ROOT,
                    "| %s | %d | %d | %d | %s | %s | %.1f |%n", target, c, st.requests(), st.errors(), ms(st.p50Ms()), ms(st.p95Ms()), st.perSecond()))));
        }
        return md.toString();
    }

    private static String ratio(Timed a, Timed b) {
        return a == null || b == null ? "" : String.format(Locale.ROOT, "%.2f×", a.warmMs() / b.warmMs());
    }

    private static String ms(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, v < 10 ? "%.2f ms" : v < 100 ? "%.1f ms" : "%.0f ms", v);
    }
}
