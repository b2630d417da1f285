package org.w3id.copgraph.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.SeededServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SparqlEndpointTest {

    private static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    private static final String COPS = "PREFIX cop: <https://w3id.org/copgraph/ontology#>\n"
            + "SELECT ?cop WHERE { ?cop a cop:CommunityOfPractice } ORDER BY ?cop";

    @RegisterExtension
    static final SeededServer server = new SeededServer();

    private static long count(HttpResponse<String> r) throws Exception {
        JsonNode json = new ObjectMapper().readTree(r.body());
        return json.at("/results/bindings/0/n/value").asLong();
    }

    @Test
    void getCountsTheWholeSeedGraphThroughTheUnionDefaultGraph() throws Exception {
        HttpResponse<String> r = server.http().get("/sparql?query=" + Http.enc(COUNT), "Accept", "application/sparql-results+json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/sparql-results+json");
        long statements = Fixtures.seeded().store().tripleCount();
        // The union is a set: a triple stated by two sources counts once there, twice in GRAPH ?g.
        assertThat(count(r)).isGreaterThan(100).isLessThanOrEqualTo(statements);
        String inGraphs = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
        assertThat(count(server.http().get("/sparql?query=" + Http.enc(inGraphs), "Accept", "application/sparql-results+json")))
                .isEqualTo(statements);
    }

    @Test
    void postFormAndPostSparqlQueryAnswerLikeGet() throws Exception {
        HttpResponse<String> form = server.http().post("/sparql", "application/x-www-form-urlencoded",
                "query=" + Http.enc(COUNT), "Accept", "application/sparql-results+json");
        HttpResponse<String> direct = server.http().post("/sparql", "application/sparql-query", COUNT,
                "Accept", "application/sparql-results+json");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(count(form)).isEqualTo(count(direct)).isGreaterThan(100);
    }

    @Test
    void selectAnswersInJsonXmlCsvAndTsv() {
        String q = "/sparql?query=" + Http.enc(COPS);
        assertThat(server.http().get(q, "Accept", "application/sparql-results+json").body())
                .contains("https://w3id.org/copgraph/id/cop/urbana");
        HttpResponse<String> xml = server.http().get(q, "Accept", "application/sparql-results+xml");
        assertThat(xml.headers().firstValue("Content-Type").orElse("")).startsWith("application/sparql-results+xml");
        assertThat(xml.body()).contains("<uri>https://w3id.org/copgraph/id/cop/urbana</uri>");
        HttpResponse<String> csv = server.http().get(q, "Accept", "text/csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("cop\r\n").contains("https://w3id.org/copgraph/id/cop/blast");
        HttpResponse<String> tsv = server.http().get(q, "Accept", "text/tab-separated-values");
        assertThat(tsv.body()).startsWith("?cop\n").contains("<https://w3id.org/copgraph/id/cop/blast>");
    }

    @Test
    void namedGraphsTellWhereAStatementCameFrom() throws Exception {
        String q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/copgraph/graph/cff-session-3> { ?s ?p ?o } }";
        assertThat(count(server.http().get("/sparql?query=" + Http.enc(q), "Accept", "application/sparql-results+json"))).isGreaterThan(50);
    }

    @Test
    void malformedQueryGives400WithLineAndColumn() {
        HttpResponse<String> r = server.http().get("/sparql?query=" + Http.enc("SELECT * WHERE { ?s ?p }"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).containsPattern("line \\d+, column \\d+");
    }

    @Test
    void updatesAreRefusedOnTheQueryEndpoint() {
        HttpResponse<String> r = server.http().post("/sparql", "application/sparql-update",
                "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }");
        assertThat(r.statusCode()).isBetween(400, 499);
        HttpResponse<String> form = server.http().post("/sparql", "application/x-www-form-urlencoded",
                "update=" + Http.enc("INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"));
        assertThat(form.statusCode()).isBetween(400, 499);
        assertThat(server.http().get("/sparql?query=" + Http.enc("ASK { GRAPH <urn:x> { ?s ?p ?o } }"), "Accept",
                "application/sparql-results+json").body()).contains("false");
    }
}
