package org.w3id.copgraph.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.http.Context;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.queries.CuratedQuery;

/** {@code /} and {@code /health}: what the graph holds, and whether the store can be read. */
final class HomePage {

    private static final String COUNTS = """
            PREFIX cop: <https://w3id.org/copgraph/ontology#>
            PREFIX org: <http://www.w3.org/ns/org#>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX schema: <http://schema.org/>
            SELECT ?kind (COUNT(DISTINCT ?x) AS ?n) WHERE {
              VALUES (?kind ?type) {
                ("Communities of practice" cop:CommunityOfPractice)
                ("Organisations" org:Organization)
                ("People" foaf:Person)
                ("Events" schema:Event)
                ("Practices" cop:Practice)
                ("Cross-pollinations" cop:CrossPollination)
              }
              ?x a ?type .
            } GROUP BY ?kind
            """;
    private static final Query COUNT_QUERY = QueryFactory.create(COUNTS);

    private final Copgraph cg;
    /** The counts and the data version they were taken at: a COUNT over the store once per change, not per visit. */
    private final java.util.concurrent.atomic.AtomicReference<Counts> counted = new java.util.concurrent.atomic.AtomicReference<>();

    private record Counts(java.time.Instant version, Map<String, Long> byKind) {
    }

    HomePage(Copgraph cg) {
        this.cg = cg;
    }

    void render(Context ctx) {
        Map<String, Long> counts = currentCounts();
        StringBuilder b = new StringBuilder();
        b.append("<h1>copgraph</h1><p>A linked-data knowledge graph of Communities of Practice (CoPs): their domains, ")
                .append("communities, practices and tools, and the cross-pollination between them.</p>");
        b.append("<h2>What the graph holds</h2><table><tbody>");
        counts.forEach((k, v) -> b.append("<tr><th scope=\"row\">").append(Html.escape(k)).append("</th><td>").append(v).append("</td></tr>"));
        b.append("<tr><th scope=\"row\">Statements</th><td>").append(cg.store().tripleCount()).append("</td></tr></tbody></table>");
        b.append("<h2>For researchers</h2><ul>")
                .append("<li><a href=\"/query-editor\">Query editor</a> (YASGUI) on the <a href=\"/sparql\">SPARQL endpoint</a>,"
                        + " <code>/sparql</code>: SPARQL 1.1 Protocol; the default graph is the union of all sources</li>")
                .append("<li><a href=\"/api/queries\">Curated queries</a>: documented and parameterised;"
                        + " <a href=\"/api/docs\">API documentation</a> (<a href=\"/api/openapi.json\">OpenAPI</a>)</li>")
                .append("<li><a href=\"/ontology\">The ontology</a>: classes and properties, with examples from the data</li></ul>");
        b.append("<h2>For network mappers</h2><ul>")
                .append("<li><a href=\"/explore\">Network explorer</a>: CoPs and what connects them; exports for Gephi and Cytoscape</li>")
                .append("<li><a href=\"/explore?focus=/id/cop/urbana&amp;to=/id/cop/blast\">How UrbanA connects to BLAST, and why</a></li></ul>");
        b.append("<h2>For harvesting partners</h2><ul>")
                .append("<li>Every resource dereferences, e.g. <a href=\"/id/cop/urbana\">/id/cop/urbana</a>"
                        + " (HTML, Turtle, JSON-LD, N-Triples, RDF/XML, TriG, N-Quads); <a href=\"/sitemap.xml\">sitemap</a></li>")
                .append("<li>Dumps: <a href=\"/dumps/copgraph.nt.gz\">N-Triples</a>, <a href=\"/dumps/copgraph.ttl\">Turtle</a>,"
                        + " <a href=\"/dumps/copgraph.jsonld\">JSON-LD</a>, <a href=\"/dumps/copgraph.nq.gz\">N-Quads</a> (with sources);"
                        + " <a href=\"/.well-known/void\">VoID and DCAT description</a></li>")
                .append("<li>Changes: <a href=\"/ldes\">event stream</a> (LDES); <a href=\"/fragments\">triple pattern fragments</a></li></ul>");
        b.append("<h2>Running it</h2><ul><li><a href=\"/health\">Health</a> and <a href=\"/metrics\">metrics</a> (Prometheus)</li></ul>");
        b.append("<h2>Curated queries</h2><ul>");
        for (CuratedQuery q : cg.queries().list()) {
            b.append("<li><a href=\"/api/queries/").append(Html.escape(q.name())).append("?format=csv\">")
                    .append(Html.escape(q.name())).append("</a>: ").append(Html.escape(q.summary())).append("</li>");
        }
        b.append("</ul>");
        ctx.html(Html.page("Home", b.toString()));
    }

    void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            long triples = cg.store().tripleCount();
            var modified = cg.store().lastModified();
            body.put("status", "ok");
            body.put("triples", triples);
            body.put("lastModified", modified == null ? null : modified.toString());
            var pre = cg.precomputation();
            if (pre != null) {
                var st = pre.status();
                // Which curated answers are ready: lets operators (and the benchmark) see the warm-up end.
                body.put("precomputedAnswers", Map.of("dataVersion", String.valueOf(st.version()), "ready", st.ready(),
                        "of", st.of(), "running", st.running()));
            }
            ctx.json(body);
        } catch (RuntimeException e) {
            body.put("status", "unavailable");
            body.put("error", "store-unreadable");
            body.put("message", "The store cannot be read: " + e.getMessage());
            ctx.status(503).json(body);
        }
    }

    private Map<String, Long> currentCounts() {
        java.time.Instant version = cg.store().lastModified();
        Counts c = counted.get();
        if (c == null || !java.util.Objects.equals(c.version(), version)) {
            c = new Counts(version, counts());
            counted.set(c);
        }
        return c.byKind();
    }

    private Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        cg.store().query(COUNT_QUERY, BindingFactory.empty(), cg.settings().queryTimeoutMillis(), exec -> {
            exec.select().forEachRemaining(b -> out.put(b.get("kind").getLiteralLexicalForm(),
                    Long.parseLong(b.get("n").getLiteralLexicalForm())));
            return null;
        });
        return out;
    }
}
