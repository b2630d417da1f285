package org.w3id.copgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.Server;
import org.w3id.copgraph.curation.Role;
import org.w3id.copgraph.curation.Tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * copgraph fronting Debian's Virtuoso 7 ({@link PeerVirtuoso}), seeded through the front as
 * {@link RemoteStoreTest} seeds Fuseki: every curated query answers as on the embedded store, and
 * a curator's write lands in Virtuoso. Differences, each with its reason, are listed in
 * {@link #DIFFERENCES} (and in docs/scale-out.md, "Virtuoso as the store").
 */
class VirtuosoStoreTest {

    /** Curated queries whose answers on Virtuoso differ from the embedded store's, with why. */
    static final Map<String, String> DIFFERENCES = Map.ofEntries(
            Map.entry("cops-by-domain", "Virtuoso 7.2.5 drops matches of skos:broader* once the path is joined with the rest of"
                    + " the query (1 row of 4); the path alone answers in full"),
            Map.entry("cops-with-domains", "GROUP_CONCAT joins the hosts in another order (SPARQL leaves the order open)"),
            Map.entry("cross-pollination-timeline", "a GROUP_CONCAT of no values is \"\" on Virtuoso and unbound on Jena;"
                    + " concatenation order"),
            Map.entry("events", "Virtuoso 7.2.5 lets labels in other languages through where the language filter stands beside"
                    + " the one-label-each FILTER NOT EXISTS; \"\" for a GROUP_CONCAT of no values; concatenation order"),
            Map.entry("events-by-organiser", "other-language labels pass as in events; concatenation order"),
            Map.entry("knowledge-brokers", "Virtuoso 7.2.5 refuses the query (SQ156, an internal optimiser error; SR066 before"
                    + " the default graph was made a set): the front answers 400 store-refused-query"),
            Map.entry("search-by-label", "SAMPLE picks another of a resource's several types (SPARQL leaves the choice open)"),
            Map.entry("suggested-connections", "GROUP_CONCAT joins the source graphs in another order"));

    /**
     * Curated queries Virtuoso answered otherwise in some runs and alike in others: allowed to
     * differ, not required to. Each was seen to differ in a full CI run (the machine busy) and to
     * answer alike when this test ran alone.
     */
    static final Map<String, String> UNSTABLE = Map.of(
            "shared-practices", "in one full CI run (2026-12-02) Virtuoso 7.2.5 gave no row from the UNION branch"
                    + " { ?otherCop cop:hasPractice ?item BIND(\"has\" AS ?otherHow) }; alike in three runs of this test alone");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static PeerVirtuoso virtuoso;
    private static Copgraph front;
    private static Server frontApp;
    private static Server localApp;
    private static String curator;

    @BeforeAll
    static void start() throws Exception {
        virtuoso = PeerVirtuoso.start();
        Path tokens = Files.createTempFile("tokens", ".txt");
        curator = Tokens.load(tokens, Map.of()).issue(Role.CURATOR, "virtuoso-curator");
        front = Copgraph.open(Fixtures.settings().withTokens(tokens)
                .withRemoteStore(virtuoso.queryEndpoint(), virtuoso.updateEndpoint()));
        front.loader().loadSeedIfEmpty();
        frontApp = Server.start(front);
        // Suggestions and metrics are read by curated queries: both sides' derived graphs written first.
        Fixtures.awaitDerivedGraphs(front);
        localApp = Fixtures.server();
    }

    @AfterAll
    static void stop() {
        if (frontApp != null) {
            frontApp.stop();
        }
        if (localApp != null) {
            localApp.stop();
        }
        if (front != null) {
            front.close();
        }
        if (virtuoso != null) {
            virtuoso.close();
        }
    }

    /** The answer as a sorted list of rows (blank node labels blanked: they are each store's own). */
    private static List<String> rows(Http http, String path) throws Exception {
        HttpResponse<String> r = http.get(path, "Accept", "application/sparql-results+json, application/json;q=0.9");
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        List<String> out = new ArrayList<>();
        JsonNode bindings = body.path("results").path("bindings");
        if (bindings.isArray()) {
            // Virtuoso writes SPARQL 1.0's "typed-literal" for what 1.1 calls a "literal" with a datatype.
            bindings.forEach(b -> out.add(b.toString().replaceAll("\"type\":\"bnode\",\"value\":\"[^\"]*\"", "\"type\":\"bnode\"")
                    .replace("\"type\":\"typed-literal\"", "\"type\":\"literal\"")));
        } else {
            out.add(body.toString().replaceAll("_:[A-Za-z0-9]+", "_:"));
        }
        return out.stream().sorted().toList();
    }

    @Test
    void everyCuratedQueryAnswersAsOnTheEmbeddedStoreOrItsDifferenceIsListed() throws Exception {
        Http local = new Http(localApp.port());
        Http far = new Http(frontApp.port());
        JsonNode list = JSON.readTree(local.get("/api/queries").body());
        List<String> differing = new ArrayList<>();
        List<String> unlisted = new ArrayList<>();
        for (JsonNode q : list) {
            String name = q.get("name").asText();
            String href = q.get("href").asText();
            List<String> near = rows(local, href);
            HttpResponse<String> r = far.get(href, "Accept", "application/sparql-results+json, application/json;q=0.9");
            List<String> there = r.statusCode() == 200 ? rows(far, href) : List.of(r.statusCode() + ": " + r.body());
            if (!near.equals(there)) {
                differing.add(name);
                if (!DIFFERENCES.containsKey(name) && !UNSTABLE.containsKey(name)) {
                    // All of them, not just the first: one run tells every difference.
                    unlisted.add(href + "\n  embedded: " + near + "\n  virtuoso: " + there);
                }
            }
        }
        assertThat(unlisted).as("curated queries that answer otherwise on Virtuoso, not in DIFFERENCES").isEmpty();
        List<String> steady = differing.stream().filter(n -> !UNSTABLE.containsKey(n)).toList();
        assertThat(steady).as("listed differences that no longer differ").containsExactlyInAnyOrderElementsOf(DIFFERENCES.keySet());
    }

    @Test
    void aCuratorsWriteThroughTheFrontLandsInVirtuosoAndIsReadBack() {
        Http far = new Http(frontApp.port());
        HttpResponse<String> ok = far.post("/update", "application/sparql-update",
                "INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/virtuoso-test> { <https://w3id.org/copgraph/id/document/virtuoso-note>"
                        + " <http://www.w3.org/2000/01/rdf-schema#label> \"written through copgraph\"@en } }",
                "Authorization", "Bearer " + curator);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        String ask = Http.enc("ASK { GRAPH <https://w3id.org/copgraph/graph/virtuoso-test> { ?s ?p \"written through copgraph\"@en } }");
        HttpResponse<String> direct = far.send(HttpRequest.newBuilder(URI.create(virtuoso.queryEndpoint() + "?query=" + ask))
                .header("Accept", "application/sparql-results+json").GET().build());
        assertThat(direct.body()).contains("true");
        assertThat(far.get("/sparql?query=" + ask, "Accept", "application/sparql-results+json").body()).contains("true");
    }

    @Test
    void theBookkeepingAndVirtuososOwnGraphsStayOutOfTheUnion() throws Exception {
        String graphs = "/sparql?query=" + Http.enc("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }");
        assertThat(rows(new Http(frontApp.port()), graphs)).noneMatch(g -> g.contains("virtrdf") || g.contains("bookkeeping")
                || g.contains("localuriqaserver") || g.contains("ldp#"));
    }

    /**
     * A client's query is sent with the exclusions of only the graphs it could match (see
     * GraphExclusions): those it could match still stay out of its answer.
     */
    @Test
    void aClientsQueryLeavesOutEveryGraphItCouldMatch() throws Exception {
        Http http = new Http(frontApp.port());
        assertThat(rows(http, "/sparql?query=" + Http.enc("SELECT DISTINCT ?c WHERE { ?s a ?c }")))
                .isNotEmpty().noneMatch(c -> c.contains("openlinksw") || c.contains("sparql-service-description"));
        assertThat(rows(http, "/sparql?query=" + Http.enc("SELECT ?p ?o WHERE { <urn:copgraph:store> ?p ?o }"))).isEmpty();
        assertThat(rows(http, "/sparql?query=" + Http.enc("SELECT ?when WHERE { ?s <http://purl.org/dc/terms/modified> ?when }")))
                .noneMatch(r -> r.contains("urn:copgraph:store"));
        assertThat(rows(http, "/sparql?query=" + Http.enc("SELECT ?v WHERE { ?v <http://purl.org/dc/terms/isVersionOf> ?r }"))).isEmpty();
        assertThat(rows(http, "/sparql?query=" + Http.enc(
                "SELECT ?s WHERE { ?s <http://www.w3.org/ns/sparql-service-description#endpoint> ?e }"))).isEmpty();
        // Without the pragmas of Virtuoso's graphs that hold none of its predicates and classes.
        RemoteDatasetGraph remote = (RemoteDatasetGraph) front.store().dataset();
        assertThat(remote.dataPrologue(org.apache.jena.query.QueryFactory.create(
                "SELECT ?cop WHERE { ?cop a <https://w3id.org/copgraph/ontology#CommunityOfPractice> }")))
                .contains("bookkeeping").doesNotContain("openlinksw", "localuriqaserver", "ldp#");
        assertThat(remote.dataPrologue(org.apache.jena.query.QueryFactory.create("SELECT ?c WHERE { ?s a ?c }")))
                .contains("openlinksw", "localuriqaserver", "bookkeeping").doesNotContain("ldp#");
        // A query no excluded graph could match answers as the same query that names them all.
        String cops = "?cop a <https://w3id.org/copgraph/ontology#CommunityOfPractice> ; <https://w3id.org/copgraph/ontology#domain> ?d";
        assertThat(rows(http, "/sparql?query=" + Http.enc("SELECT ?cop ?d WHERE { " + cops + " } ORDER BY ?cop ?d")))
                .isNotEmpty().isEqualTo(rows(http, "/sparql?query=" + Http.enc(
                        "SELECT ?cop ?d WHERE { { " + cops + " } UNION { ?any ?p ?o FILTER(false) } } ORDER BY ?cop ?d")));
    }

    /**
     * The data graphs hold the same statements on both stores, as copgraph's queries see them
     * (through the front's query engine, which makes Virtuoso's default graph a set). Literals
     * are compared by value: Virtuoso keeps them by value and gives back its canonical form
     * ({@code "269058.0"^^xsd:decimal} as {@code "269058"}, {@code "true"^^xsd:boolean} as
     * {@code "1"}). The change log's graph is left out: each side records its own load, with its own
     * time, and this class's write test adds its curator there.
     * (A count of the same through /sparql, which passes a client's text to Virtuoso unchanged,
     * gave 5,519 against 5,506.)
     */
    @Test
    void theDataGraphsHoldTheSameStatements() {
        Set<String> far = statements(front.store());
        Set<String> near = statements(Fixtures.seeded().store());
        assertThat(near).hasSizeGreaterThan(4000);
        Set<String> onlyFar = new java.util.TreeSet<>(far);
        onlyFar.removeAll(near);
        Set<String> onlyNear = new java.util.TreeSet<>(near);
        onlyNear.removeAll(far);
        assertThat(onlyFar).as("only on Virtuoso").isEmpty();
        assertThat(onlyNear).as("only on the embedded store").isEmpty();
    }

    private static Set<String> statements(Store store) {
        // Data graphs only: the derived graphs are written in the background, on each side at its
        // own time, and this test's own write goes to graph/virtuoso-test.
        org.apache.jena.query.Query q = org.apache.jena.query.QueryFactory.create("SELECT DISTINCT ?s ?p ?o WHERE {"
                + " GRAPH ?g { ?s ?p ?o } FILTER(?g NOT IN (<https://w3id.org/copgraph/graph/virtuoso-test>, <"
                + org.w3id.copgraph.model.Iris.DEFAULT.changesGraph() + ">,"
                + " <https://w3id.org/copgraph/graph/network-metrics>, <https://w3id.org/copgraph/graph/suggestions>)) }");
        Set<String> out = new java.util.TreeSet<>();
        store.query(q, org.apache.jena.sparql.engine.binding.BindingFactory.empty(), 120_000, exec -> {
            exec.select().forEachRemaining(b -> {
                out.add(term(b.get("s")) + " " + b.get("p") + " " + term(b.get("o")));
            });
            return null;
        });
        return out;
    }

    /** A term as compared: blank nodes alike (each store labels its own), typed literals by value. */
    private static String term(org.apache.jena.graph.Node n) {
        if (n.isBlank()) {
            return "_:";
        }
        if (n.isLiteral() && n.getLiteralLanguage().isEmpty()
                && !n.getLiteralDatatypeURI().equals(org.apache.jena.datatypes.xsd.XSDDatatype.XSDstring.getURI())) {
            try {
                return n.getLiteralValue() + "^^" + n.getLiteralDatatypeURI();
            } catch (RuntimeException e) {
                return n.toString();
            }
        }
        return n.toString();
    }
}
