package org.w3id.copgraph.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.queries.CuratedQueries;
import org.w3id.copgraph.queries.CuratedQuery;
import org.w3id.copgraph.queries.Parameter;

/**
 * The curated queries with their first documented example arguments, cold: once on a freshly
 * started copgraph (nothing precomputed answers such arguments: the store does) and once on a
 * freshly started Virtuoso loaded with a dump of the same store, given the same query text with
 * the same arguments bound and the API's page size as LIMIT. One goal row per query (copgraph ÷
 * Virtuoso ≤ 1.5×). A query that asks the text index goes to Virtuoso as its text for stores
 * without one (a scan), which is what a front on Virtuoso would send.
 */
final class CuratedBench {

    static final double GOAL = 1.5;

    /** Where a query's time goes, from its plan, for a goal row that is not met (see docs/speed.md). */
    static final Map<String, String> PLAN_NOTES = Map.of(
            "knowledge-brokers", "Plan: every membership read, an EXISTS and a label probe per row, two GROUP BYs, ORDER BY over every"
                    + " group; TDB2 joins by index nested loop (one B+tree probe per row and pattern), Virtuoso by vectorised hash joins",
            "membership-timeline", "Plan: per membership two label probes, two NOT EXISTS re-reading labels, role, start, end (~8 probes"
                    + " a row); ARQ has no anti-join for NOT EXISTS and decodes every label it filters",
            "cross-pollination-timeline", "Plan: four labelled neighbours per cross-pollination, each with a NOT EXISTS per row, then a"
                    + " seven-key GROUP BY before the ORDER BY",
            "events", "Plan: three labelled OPTIONALs per event, each with a NOT EXISTS per row",
            "isolated-cops", "Plan: a four-branch UNION per CoP, then GROUP BY/HAVING over every CoP",
            "cops-by-domain", "Plan is right (the path from the given concept first); cold time is the fresh JVM's first query",
            "search-by-label", "Virtuoso scans (no text index); copgraph's text:query now reads shared Lucene readers");

    private final SparqlClient client;
    private final PrintStream log;

    CuratedBench(SparqlClient client, PrintStream log) {
        this.client = client;
        this.log = log;
    }

    /** What each query is asked with: its first example, in catalogue order. */
    static Map<String, Map<String, String>> examples(Iterable<CuratedQuery> queries) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (CuratedQuery q : queries) {
            if (!q.examples().isEmpty() && q.query().isSelectType()) {
                out.put(q.name(), q.examples().get(0));
            }
        }
        return out;
    }

    /** The query text a SPARQL client would send with {@code args} bound (unset optional parameters stay unbound). */
    static String sparqlText(CuratedQuery q, Map<String, String> args) {
        Query base = q.withoutTextIndex() != null ? q.withoutTextIndex() : q.query();
        Map<Var, Node> values = new LinkedHashMap<>();
        for (Parameter p : q.parameters()) {
            String value = args.getOrDefault(p.name(), p.defaultValue());
            if (value != null) {
                values.put(Var.alloc(p.variable()), p.type().parse(p.name(), value, p.lang(), Iris.DEFAULT));
            }
        }
        // The arguments as a VALUES block, as the protocol's substitution means them: replacing the
        // variables in the text would turn BOUND(?__since_date) into BOUND("2020-01-01"), not SPARQL.
        Query bound = base.cloneQuery();
        if (!values.isEmpty() && !bound.hasValues()) {
            org.apache.jena.sparql.engine.binding.BindingBuilder b = org.apache.jena.sparql.engine.binding.BindingBuilder.create();
            values.forEach(b::add);
            bound.setValuesDataBlock(new java.util.ArrayList<>(values.keySet()), java.util.List.of(b.build()));
        } else if (!values.isEmpty()) {
            Query replaced = QueryTransformOps.replaceVars(base, values);
            if (replaced.isSelectType() && !replaced.isQueryResultStar()) {
                values.keySet().forEach(v -> replaced.getProject().remove(v));
            }
            bound = replaced;
        }
        bound.setLimit(bound.hasLimit() ? Math.min(bound.getLimit(), CuratedQueries.DEFAULT_LIMIT) : CuratedQueries.DEFAULT_LIMIT);
        return bound.serialize();
    }

    /** Each example once through {@code /api/queries} of a fresh copgraph; fills {@code f.example(name)}. */
    void copgraph(Figures f, Server s, Map<String, Map<String, String>> examples) {
        examples.forEach((name, args) -> {
            StringBuilder url = new StringBuilder(s.base() + CuratedQueries.API + name + "?");
            args.forEach((k, v) -> url.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
            url.setLength(url.length() - 1);
            once(f.example(name), Report.API, SparqlClient.Request.get(url.toString()));
        });
    }

    /** Each example once as SPARQL on a fresh peer (Virtuoso). */
    void peer(Figures f, Server s, String target, Map<String, String> texts) {
        texts.forEach((name, text) -> once(f.example(name), target, SparqlClient.Request.sparql(s.sparql(), text)));
    }

    private void once(Figures.QueryRow row, String target, SparqlClient.Request r) {
        try {
            SparqlClient.Response first = client.send(r);
            if (first.status() / 100 != 2) {
                log.printf("  %-28s %-10s HTTP %d: %s%n", row.name, target, first.status(),
                        new String(first.body(), 0, Math.min(300, first.body().length), StandardCharsets.UTF_8));
                row.rows.put(target, -1L);
                return;
            }
            row.cold.put(target, first.ms());
            row.rows.put(target, SparqlClient.rows(first));
            log.printf("  %-28s %-10s cold %8.1f ms  rows %d%n", row.name, target, first.ms(), row.rows.get(target));
        } catch (IOException | RuntimeException e) {
            log.printf("  %-28s %-10s failed: %s%n", row.name, target, e);
            row.rows.put(target, -1L);
        }
    }

    /** One goal row per example: copgraph's cold answer ÷ Virtuoso's, with the plan note where it is missed. */
    static void goals(Figures f, String peer, Map<String, String> notes) {
        for (Figures.QueryRow row : f.examples.values()) {
            Double ours = row.cold.get(Report.API);
            Double theirs = row.cold.get(peer);
            String figure = "curated `" + row.name + "` (example arguments), cold";
            if (ours == null || theirs == null) {
                f.goals.add(new Figures.Goal(figure, ours == null ? "failed" : ms(ours), theirs == null ? peer + " failed" : ms(theirs),
                        Double.NaN, "≤ 1.5× " + peer, false, "not measured on both (see the log)"));
                continue;
            }
            double ratio = ours / Math.max(0.1, theirs);
            boolean met = ratio <= GOAL;
            String how = "fresh copgraph /api/queries vs fresh " + peer + " /sparql (same text, LIMIT 1000); rows "
                    + row.rows.get(Report.API) + " / " + row.rows.get(peer);
            if (!met) {
                how += ". " + notes.getOrDefault(row.name, "see docs/speed.md, Curated queries");
            }
            f.goals.add(new Figures.Goal(figure, ms(ours), ms(theirs) + " (" + peer + ")", ratio, "≤ 1.5×", met, how));
        }
    }

    private static String ms(double ms) {
        return String.format(Locale.ROOT, ms < 100 ? "%.1f ms" : "%.0f ms", ms);
    }
}
