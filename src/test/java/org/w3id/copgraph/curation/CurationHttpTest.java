package org.w3id.copgraph.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.WritableServer;
import org.w3id.copgraph.web.App;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CurationHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_COP = """
            PREFIX cop: <https://w3id.org/copgraph/ontology#>
            PREFIX org: <http://www.w3.org/ns/org#>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/curator-test> {
              <https://w3id.org/copgraph/id/cop/seed-savers> a cop:CommunityOfPractice, org:Organization, foaf:Group ;
                  rdfs:label "Seed Savers CoP"@en ;
                  cop:crossPollinatedBy <https://w3id.org/copgraph/id/cop/urbana> ;
                  cop:qualifiedCrossPollination <https://w3id.org/copgraph/id/cross-pollination/urbana-to-seed-savers> .
              <https://w3id.org/copgraph/id/cross-pollination/urbana-to-seed-savers> a cop:CrossPollination, prov:Influence ;
                  rdfs:label "UrbanA to Seed Savers"@en ;
                  prov:agent <https://w3id.org/copgraph/id/cop/urbana> ;
                  cop:target <https://w3id.org/copgraph/id/cop/seed-savers> ;
                  cop:direction cop:Unidirectional ;
                  cop:evidenceStatus cop:Reported ;
                  cop:strength cop:Moderate ;
                  dcterms:date "2021-03-01"^^xsd:date ;
                  dcterms:source <https://example.org/report> .
            } }
            """;

    @RegisterExtension
    static final WritableServer server = new WritableServer("carla");

    private static HttpResponse<String> update(String update, String... headers) {
        return server.http().post("/update", "application/sparql-update", update, headers);
    }

    private static boolean ask(String ask) {
        return server.http().get("/sparql?query=" + Http.enc(ask), "Accept", "application/sparql-results+json").body().contains("true");
    }

    @Test
    void aWriteWithoutATokenGives401AndChangesNothing() throws Exception {
        server.settle();
        long before = server.cg().store().tripleCount();
        HttpResponse<String> r = update(NEW_COP);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("token-required");
        assertThat(server.cg().store().tripleCount()).isEqualTo(before);
    }

    @Test
    void anUnknownTokenGives401AndATooLowRoleGives403() {
        // RFC 6750: a token that is not valid is a 401 (get another token); a valid one without the role, a 403.
        assertThat(update(NEW_COP, "Authorization", "Bearer not-a-token").statusCode()).isEqualTo(401);
        assertThat(server.http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/admin/backup"))
                .header("Authorization", "Bearer " + server.curator()).GET().build()).statusCode()).as("a curator is not an admin").isEqualTo(403);
    }

    @Test
    void aCuratorAddsACopWithItsCrossPollinationAndTheChangeIsLogged() throws Exception {
        HttpResponse<String> r = update(NEW_COP, "Authorization", "Bearer " + server.curator());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode change = JSON.readTree(r.body());
        assertThat(change.get("added").asInt()).isGreaterThanOrEqualTo(16);
        assertThat(change.get("agent").asText()).isEqualTo("carla");
        assertThat(ask("ASK { <https://w3id.org/copgraph/id/cop/seed-savers> <https://w3id.org/copgraph/ontology#crossPollinatedBy> <https://w3id.org/copgraph/id/cop/urbana> }")).isTrue();
        assertThat(ask("ASK { GRAPH <https://w3id.org/copgraph/graph/changes> { <" + change.get("change").asText()
                + "> a <http://www.w3.org/ns/prov#Activity> ; <http://www.w3.org/ns/prov#wasAssociatedWith> ?who ;"
                + " <https://w3id.org/copgraph/ontology#changedResource> <https://w3id.org/copgraph/id/cop/seed-savers> } }")).isTrue();
    }

    @Test
    void aChangeThatBreaksTheShapesIsRejectedWithTheReport() throws Exception {
        server.settle();
        long before = server.cg().store().tripleCount();
        HttpResponse<String> r = update("""
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/curator-test> {
                  <https://w3id.org/copgraph/id/cross-pollination/nowhere> a cop:CrossPollination .
                } }""", "Authorization", "Bearer " + server.curator());
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error").asText()).isEqualTo("shacl-violation");
        assertThat(body.get("message").asText()).contains("cross-pollination/nowhere");
        assertThat(server.cg().store().tripleCount()).isEqualTo(before);
    }

    @Test
    void deletingALabelThatOthersNeedIsCaught() {
        HttpResponse<String> r = update("""
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                DELETE WHERE { GRAPH ?g { <https://w3id.org/copgraph/id/cop/blast> rdfs:label ?l } }""",
                "Authorization", "Bearer " + server.curator());
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(ask("ASK { <https://w3id.org/copgraph/id/cop/blast> <http://www.w3.org/2000/01/rdf-schema#label> ?l }")).isTrue();
    }

    @Test
    void statementsOutsideANamedGraphAndWritesToTheChangeLogAreRefused() {
        HttpResponse<String> plain = update("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "Authorization", "Bearer " + server.curator());
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).contains("graph-required");
        HttpResponse<String> log = update("INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/changes> { <urn:a> <urn:b> <urn:c> } }",
                "Authorization", "Bearer " + server.curator());
        assertThat(log.statusCode()).isEqualTo(403);
        assertThat(log.body()).contains("maintained-graph");
    }

    @Test
    void aMalformedUpdateGives400() {
        HttpResponse<String> r = update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> } }", "Authorization", "Bearer " + server.curator());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("update-syntax").contains("line 1");
    }

    @Test
    void graphStoreProtocolPutGetPostDelete() {
        String g = "/data?graph=" + Http.enc("https://w3id.org/copgraph/graph/gsp-test");
        String ttl = "<https://w3id.org/copgraph/id/document/gsp-note> <http://www.w3.org/2000/01/rdf-schema#label> \"A note\" .";
        assertThat(server.http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + g))
                .header("Content-Type", "text/turtle").header("Authorization", "Bearer " + server.curator())
                .PUT(HttpRequest.BodyPublishers.ofString(ttl)).build()).statusCode()).isEqualTo(200);
        HttpResponse<String> got = server.http().get(g, "Accept", "application/n-triples");
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).contains("\"A note\"");
        assertThat(server.http().post(g, "text/turtle", "<https://w3id.org/copgraph/id/document/gsp-note> <http://www.w3.org/2000/01/rdf-schema#comment> \"more\" .",
                "Authorization", "Bearer " + server.curator()).statusCode()).isEqualTo(200);
        assertThat(server.http().get(g, "Accept", "text/turtle").body()).contains("more");
        assertThat(server.http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + g))
                .header("Authorization", "Bearer " + server.curator()).DELETE().build()).statusCode()).isEqualTo(200);
        assertThat(server.http().get(g).statusCode()).isEqualTo(404);
        assertThat(server.http().post(g, "text/turtle", "<a> <b> .", "Authorization", "Bearer " + server.curator()).statusCode()).isEqualTo(400);
        assertThat(server.http().post("/data", "text/turtle", ttl, "Authorization", "Bearer " + server.curator()).statusCode()).isEqualTo(400);
    }

    @Test
    void uploadsOfTurtleTrigAndCsvAreImported() {
        String auth = "Bearer " + server.curator();
        HttpResponse<String> trig = server.http().post("/api/imports", "application/trig", """
                GRAPH <https://w3id.org/copgraph/graph/upload-trig> {
                  <https://w3id.org/copgraph/id/document/trig-doc> <http://www.w3.org/2000/01/rdf-schema#label> "From TriG" .
                }""", "Authorization", auth);
        assertThat(trig.statusCode()).as(trig.body()).isEqualTo(200);
        HttpResponse<String> csv = server.http().post("/api/imports?graph=" + Http.enc("https://w3id.org/copgraph/graph/upload-csv"), "text/csv", """
                id,type,rdfs:label@en,cop:hostedBy
                cop/csv-cop,cop:CommunityOfPractice|org:Organization|foaf:Group,CSV CoP,/id/organisation/ecolise
                """, "Authorization", auth);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(ask("ASK { <https://w3id.org/copgraph/id/cop/csv-cop> a <https://w3id.org/copgraph/ontology#CommunityOfPractice> ;"
                + " <https://w3id.org/copgraph/ontology#hostedBy> <https://w3id.org/copgraph/id/organisation/ecolise> }")).isTrue();
        assertThat(server.http().post("/api/imports", "text/turtle", "<a> <b> <c> .", "Authorization", auth).body()).contains("graph-required");
        assertThat(server.http().post("/api/imports?graph=urn:x:y", "text/turtle", "<a> <b> ", "Authorization", auth).statusCode()).isEqualTo(400);
        assertThat(server.http().post("/api/imports", "image/png", "x", "Authorization", auth).statusCode()).isEqualTo(415);
        assertThat(server.http().post("/api/imports?graph=urn:x:y", "text/csv", "id,rdfs:label\nnot a slug,x\n", "Authorization", auth).statusCode()).isEqualTo(400);
    }

    @Test
    void aBackupRestoredGivesBackTheSameData() throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/admin/backup"))
                .header("Authorization", "Bearer " + server.admin()).GET().build();
        byte[] backup = new org.w3id.copgraph.Http(server.port()).sendBytes(get);
        DatasetGraph before = parse(backup);
        update("""
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/after-backup> { <https://w3id.org/copgraph/id/document/later> rdfs:label "later" } }""",
                "Authorization", "Bearer " + server.curator());
        HttpResponse<String> restored = server.http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/admin/restore"))
                .header("Authorization", "Bearer " + server.admin()).header("Content-Type", "application/gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(backup)).build());
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        DatasetGraph after = parse(new org.w3id.copgraph.Http(server.port()).sendBytes(get));
        assertThat(namedQuads(after)).isEqualTo(namedQuads(before));
        assertThat(ask("ASK { <https://w3id.org/copgraph/id/document/later> ?p ?o }")).isFalse();
    }

    @Test
    void metricsAreInPrometheusFormat() {
        server.http().get("/health");
        HttpResponse<String> r = server.http().get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("copgraph_http_requests_seconds_count").contains("copgraph_store_statements")
                .contains("copgraph_store_disk_bytes").contains("copgraph_store_compactions_total")
                .contains("copgraph_query_cache_hits_total");
    }

    @Test
    void anOversizedBodyGives413() {
        String big = "#".repeat((int) App.MAX_BODY_BYTES + 10);
        HttpResponse<String> r = update(big, "Authorization", "Bearer " + server.curator());
        assertThat(r.statusCode()).isEqualTo(413);
    }

    private static DatasetGraph parse(byte[] gz) throws Exception {
        DatasetGraph d = DatasetGraphFactory.create();
        RDFParser.source(new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gz))).lang(Lang.NQUADS).parse(d);
        return d;
    }

    private static java.util.Set<String> namedQuads(DatasetGraph d) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        // The data: history (the change log) is kept and appended to by a restore; metrics are derived.
        d.stream().filter(q -> !q.isDefaultGraph() && !q.getGraph().getURI().endsWith("/graph/changes")
                && !q.getGraph().getURI().endsWith("/graph/network-metrics")).forEach(q -> out.add(
                (q.getSubject().isBlank() ? "_" : q.getSubject().toString()) + " " + q.getPredicate() + " "
                        + (q.getObject().isBlank() ? "_" : q.getObject().toString()) + " " + q.getGraph()));
        return out;
    }

}
