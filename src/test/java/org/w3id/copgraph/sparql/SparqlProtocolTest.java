package org.w3id.copgraph.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;


import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Server;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.store.Store;

/** The SPARQL 1.1 Protocol points Fuseki alone does not cover, and the clients researchers use. */
class SparqlProtocolTest {

    private static final String CONSTRUCT = "CONSTRUCT { ?cop a <" + Cop.CommunityOfPractice + "> } "
            + "WHERE { ?cop a <" + Cop.CommunityOfPractice + "> }";
    private static final String DESCRIBE = "DESCRIBE <https://w3id.org/copgraph/id/cop/urbana>";
    private static final String COPS = "SELECT ?cop WHERE { ?cop a <" + Cop.CommunityOfPractice + "> }";

    private static Server app;
    private static Http http;
    private static String endpoint;

    @BeforeAll
    static void start() {
        app = Fixtures.server();
        http = new Http(app.port());
        endpoint = "http://localhost:" + app.port() + "/sparql";
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void noQueryGivesTheServiceDescription() {
        HttpResponse<String> r = http.get("/sparql", "Accept", "text/turtle");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/turtle");
        Graph g = parse(r.body(), Lang.TURTLE);
        String sd = Cop.SD;
        assertThat(g.find(null, node(sd + "endpoint"), node(endpoint)).hasNext()).isTrue();
        assertThat(g.find(null, node(sd + "supportedLanguage"), node(sd + "SPARQL11Query")).hasNext()).isTrue();
        assertThat(g.find(null, node(sd + "feature"), node(sd + "UnionDefaultGraph")).hasNext()).isTrue();
        assertThat(g.find(null, node(sd + "name"), node("https://w3id.org/copgraph/graph/cff-session-3")).hasNext()).isTrue();
        HttpResponse<String> jsonld = http.get("/sparql", "Accept", "application/ld+json");
        assertThat(jsonld.headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
        assertThat(jsonld.body()).contains("SPARQL11Query");
    }

    @Test
    void aBrowserOpeningTheEndpointIsSentToTheEditor() {
        HttpResponse<String> r = http.get("/sparql", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/query-editor");
    }

    @Test
    void constructAndDescribeAnswerInEveryRdfSyntax() {
        for (String query : List.of(CONSTRUCT, DESCRIBE)) {
            for (Lang lang : List.of(Lang.TURTLE, Lang.JSONLD, Lang.NTRIPLES, Lang.RDFXML, Lang.TRIG, Lang.NQUADS)) {
                String type = lang.getHeaderString();
                HttpResponse<String> r = http.get("/sparql?query=" + Http.enc(query), "Accept", type);
                assertThat(r.statusCode()).as(query + " as " + type).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).as(query).startsWith(type);
                DatasetGraph parsed = DatasetGraphFactory.create();
                RDFParser.fromString(r.body(), lang).parse(parsed);
                long triples = parsed.getDefaultGraph().size() + parsed.getUnionGraph().size();
                assertThat(triples).as(query + " as " + type).isGreaterThan(0);
            }
        }
    }

    @Test
    void askAnswersInJsonXmlCsvAndTsv() {
        String q = "/sparql?query=" + Http.enc("ASK { ?cop a <" + Cop.CommunityOfPractice + "> }");
        assertThat(http.get(q, "Accept", "application/sparql-results+json").body()).contains("true");
        assertThat(http.get(q, "Accept", "application/sparql-results+xml").body()).contains("<boolean>true</boolean>");
        assertThat(http.get(q, "Accept", "text/csv").body()).contains("true");
        assertThat(http.get(q, "Accept", "text/tab-separated-values").body()).contains("true");
    }

    @Test
    void anUnservableAcceptGives406InTheOneErrorShape() {
        HttpResponse<String> select = http.get("/sparql?query=" + Http.enc(COPS), "Accept", "image/png");
        assertThat(select.statusCode()).isEqualTo(406);
        assertThat(select.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(select.body()).contains("\"error\":\"not-acceptable\"");
        assertThat(select.body()).contains("application/sparql-results+json");
        HttpResponse<String> construct = http.post("/sparql", "application/sparql-query", CONSTRUCT, "Accept", "image/png");
        assertThat(construct.statusCode()).isEqualTo(406);
        assertThat(construct.body()).contains("text/turtle");
        assertThat(http.get("/sparql", "Accept", "image/png").statusCode()).isEqualTo(406);
    }

    @Test
    void aFormatNameFusekiDoesNotKnowYieldsToTheAcceptHeader() {
        // SPARQLWrapper sends format=rdf+xml (or n3) beside a correct Accept header.
        HttpResponse<String> r = http.get("/sparql?format=rdf%2Bxml&output=rdf%2Bxml&results=rdf%2Bxml&query="
                + Http.enc(CONSTRUCT), "Accept", "application/rdf+xml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/rdf+xml");
        HttpResponse<String> known = http.get("/sparql?format=json&query=" + Http.enc(COPS));
        assertThat(known.headers().firstValue("Content-Type").orElse("")).startsWith("application/sparql-results+json");
    }

    @Test
    void aDirectPostStillReachesFusekiAfterTheAcceptCheck() {
        HttpResponse<String> r = http.post("/sparql", "application/sparql-query", COPS, "Accept", "text/csv");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("https://w3id.org/copgraph/id/cop/urbana");
    }

    @Test
    void defaultAndNamedGraphUrisSelectTheDataset() {
        String g = "https://w3id.org/copgraph/graph/cff-session-3";
        String inOne = "/sparql?query=" + Http.enc("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
                + "&default-graph-uri=" + Http.enc(g);
        String all = "/sparql?query=" + Http.enc("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
        long one = Long.parseLong(http.get(inOne, "Accept", "text/csv").body().lines().skip(1).findFirst().orElseThrow());
        long union = Long.parseLong(http.get(all, "Accept", "text/csv").body().lines().skip(1).findFirst().orElseThrow());
        assertThat(one).isGreaterThan(0).isLessThan(union);
        String named = "/sparql?query=" + Http.enc("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
                + "&named-graph-uri=" + Http.enc(g);
        assertThat(http.get(named, "Accept", "text/csv").body().lines().skip(1).toList()).containsExactly(g);
    }

    @Test
    void corsLetsBrowsersReadButNotSendCredentials() {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(endpoint))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build());
        assertThat(preflight.statusCode()).isBetween(200, 204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST").doesNotContain("PUT");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase()).contains("content-type");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        HttpResponse<String> get = http.get("/sparql?query=" + Http.enc(COPS), "Origin", "https://example.org");
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(get.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void corsIsNotOfferedForAWriteMethod() {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(endpoint))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "PUT")
                .build());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).doesNotContain("PUT");
    }

    @Test
    void corsIsOnEveryReadPathButNeverOnWrites() {
        HttpResponse<String> r = http.get("/health", "Origin", "https://example.org");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(endpoint.replace("/sparql", "/update")))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization")
                .build());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> write = http.post("/update", "application/sparql-update", "INSERT DATA { }", "Origin", "https://example.org");
        assertThat(write.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void jenasRemoteClientReadsEveryQueryForm() {
        RowSet rows = QueryExecHTTP.service(endpoint).query(COPS).select().materialize();
        assertThat(rows.rewindable().size()).isGreaterThanOrEqualTo(3);
        assertThat(QueryExecHTTP.service(endpoint).query("ASK { ?s ?p ?o }").ask()).isTrue();
        Graph g = QueryExecHTTP.service(endpoint).query(CONSTRUCT).construct();
        assertThat(g.size()).isGreaterThanOrEqualTo(3);
        Graph d = QueryExecHTTP.service(endpoint).query(DESCRIBE).describe();
        assertThat(d.size()).isGreaterThan(3);
        for (String accept : List.of("application/sparql-results+xml", "text/tab-separated-values",
                "application/sparql-results+json")) {
            RowSet viaFormat = QueryExecHTTP.service(endpoint).query(COPS).acceptHeader(accept).select().materialize();
            assertThat(viaFormat.rewindable().size()).as(accept).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aTimeoutBeforeTheFirstResultIsAClear503NotACutOff200() {
        Store store = Store.inMemory();
        try (Copgraph cg = Copgraph.on(Fixtures.settings().withQueryTimeout(100), store)) {
            cg.loader().loadSeedIfEmpty();
            Server slow = Server.start(cg);
            try {
                String q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
                HttpResponse<String> r = new Http(slow.port()).get("/sparql?query=" + Http.enc(q),
                        "Accept", "application/sparql-results+json");
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
                assertThat(r.body()).contains("\"error\":\"query-timeout\"");
            } finally {
                slow.stop();
            }
        }
    }

    private static Graph parse(String body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(body)).lang(lang).parse(g);
        return g;
    }

    private static org.apache.jena.graph.Node node(String iri) {
        return org.apache.jena.graph.NodeFactory.createURI(iri);
    }
}
