package org.w3id.copgraph.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.WritableServer;
import org.w3id.copgraph.web.App;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Hundreds of bad requests of every kind: each must get a 4xx (never a 5xx), the server must keep
 * answering, and the data must be exactly as before.
 */
class BadInputCorpusTest {

    @RegisterExtension
    static final WritableServer server = new WritableServer("fuzz");

    private record Case(String name, HttpRequest request) {
    }

    @Test
    void noBadInputGetsA5xxOrChangesTheData() throws Exception {
        server.settle();
        String before = snapshot();
        List<Case> cases = corpus();
        List<String> failures = new ArrayList<>();
        int fourxx = 0;
        for (Case c : cases) {
            HttpResponse<String> r = server.http().send(c.request());
            if (r.statusCode() >= 500 || r.statusCode() < 400) {
                failures.add(r.statusCode() + " for " + c.name() + ": " + r.body().lines().findFirst().orElse(""));
            } else {
                fourxx++;
            }
        }
        System.out.printf("bad-input corpus: %d cases, %d answered 4xx, %d not%n", cases.size(), fourxx, failures.size());
        assertThat(failures).isEmpty();
        assertThat(cases.size()).isGreaterThanOrEqualTo(500);
        assertThat(server.http().get("/health").statusCode()).isEqualTo(200);
        assertThat(snapshot()).as("the data is unchanged").isEqualTo(before);
    }

    /** The data graphs as sorted N-Quads (blank nodes blurred), leaving out the store's bookkeeping. */
    private static String snapshot() {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        server.cg().store().read(d -> {
            d.stream().filter(q -> !q.isDefaultGraph()).forEach(q -> out.add((q.getSubject().isBlank() ? "_" : q.getSubject().toString())
                    + " " + q.getPredicate() + " " + (q.getObject().isBlank() ? "_" : q.getObject().toString()) + " " + q.getGraph()));
            return null;
        });
        return String.join("\n", out);
    }

    private static List<Case> corpus() throws Exception {
        List<Case> cases = new ArrayList<>();
        String base = "http://localhost:" + server.port();
        List<String> badQueries = List.of(
                "SELECT", "SELECT * WHERE", "SELECT * WHERE {", "SELECT * WHERE { ?s ?p }", "SELEC * WHERE { ?s ?p ?o }",
                "SELECT * WHERE { ?s ?p ?o", "SELECT ?x WHERE { ?s ?p ?o } GROUP BY", "ASK {", "CONSTRUCT { ?s ?p } WHERE { ?s ?p ?o }",
                "DESCRIBE", "SELECT * WHERE { ?s <unclosed ?o }", "SELECT * WHERE { ?s ?p \"unterminated }",
                "PREFIX x: SELECT * {}", "SELECT * WHERE { x:y ?p ?o }", "SELECT (COUNT(*) WHERE { ?s ?p ?o }",
                "SELECT * WHERE { FILTER( }", "SELECT * WHERE { BIND(1 AS ?x) BIND(2 AS ?x) }", "INSERT DATA { <a> <b> <c> }",
                "DROP ALL", "CLEAR DEFAULT", "LOAD <http://example.org/x>", "SELECT * WHERE { SERVICE <http://localhost:1/sparql> { ?s ?p ?o } }",
                "SELECT ?x ?x WHERE {", "}}}}", "{{{{", "' OR 1=1 --", "<script>alert(1)</script>", "SELECT * WHERE { ?s ?p ?o } LIMIT -1",
                "SELECT * WHERE { ?s ?p ?o } OFFSET x", "SELECT * WHERE { ?s ?p 1.2.3 }", "SELECT * FROM WHERE { ?s ?p ?o }",
                "\u0000", "SELECT * WHERE { ?s ?p ?o } ORDER BY", "SELECT * WHERE { VALUES ?x { 1 2 } ", "SELECT * WHERE { GRAPH { ?s ?p ?o } }",
                "BASE <not an iri> SELECT * {}", "SELECT * WHERE { ?s ?p ?o . } ;", "SELECT * WHERE { ?s ?p ?o } HAVING",
                "SELECT (SUM(?x AS ?y) {}", "SELECT REDUCED DISTINCT * {}");
        for (String q : badQueries) {
            cases.add(new Case("GET /sparql " + q, HttpRequest.newBuilder(URI.create(base + "/sparql?query=" + Http.enc(q))).GET().build()));
            cases.add(new Case("POST form /sparql " + q, HttpRequest.newBuilder(URI.create(base + "/sparql"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("query=" + Http.enc(q))).build()));
            cases.add(new Case("GET /sparql odd accept " + q, HttpRequest.newBuilder(URI.create(base + "/sparql?query=" + Http.enc(q)))
                    .header("Accept", "text/csv;q=0.5, application/x-nonsense, */*;q=0.1").GET().build()));
            cases.add(new Case("POST body /sparql " + q, HttpRequest.newBuilder(URI.create(base + "/sparql"))
                    .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(q)).build()));
        }
        List<String> badUpdates = List.of("INSERT DATA {", "INSERT DATA { GRAPH <g> { <a> <b> } }", "DELETE WHERE {", "DROP", "CLEAR GRAPH",
                "INSERT { ?s ?p ?o } WHERE", "LOAD", "CREATE GRAPH", "INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/x> { <a> <b> \"x }",
                "MODIFY", "WITH <g> DELETE", "INSERT DATA { <https://w3id.org/copgraph/id/cop/x> <http://www.w3.org/2000/01/rdf-schema#label> \"no graph\" }",
                "INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/changes> { <urn:a> <urn:b> <urn:c> } }",
                "DELETE WHERE { GRAPH ?g { <https://w3id.org/copgraph/id/cop/urbana> ?p ?o } }",
                "INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/x> { <https://w3id.org/copgraph/id/cop/bad> a <https://w3id.org/copgraph/ontology#CommunityOfPractice> } }",
                "DROP ALL", "CLEAR ALL", "SELECT * {}", "' ; DROP ALL ; --");
        for (String u : badUpdates) {
            cases.add(new Case("update no token " + u, post(base + "/update", "application/sparql-update", u, null)));
            cases.add(new Case("update wrong token " + u, post(base + "/update", "application/sparql-update", u, "Bearer nope")));
            cases.add(new Case("update " + u, post(base + "/update", "application/sparql-update", u, "Bearer " + server.curator())));
            cases.add(new Case("update form " + u, post(base + "/update", "application/x-www-form-urlencoded", "update=" + Http.enc(u), "Bearer " + server.curator())));
        }
        Map<String, String> good = Map.of(
                "text/turtle", "<https://w3id.org/copgraph/id/document/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" , \"y\" .",
                "application/n-triples", "<https://w3id.org/copgraph/id/document/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .",
                "application/trig", "GRAPH <https://w3id.org/copgraph/graph/x> { <https://w3id.org/copgraph/id/document/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" }",
                "application/n-quads", "<https://w3id.org/copgraph/id/document/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" <https://w3id.org/copgraph/graph/x> .",
                "application/ld+json", "{\"@id\": \"https://w3id.org/copgraph/id/document/x\", \"http://www.w3.org/2000/01/rdf-schema#label\": [{\"@value\": \"x\"}]}",
                "application/rdf+xml", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:rdfs=\"http://www.w3.org/2000/01/rdf-schema#\"><rdf:Description rdf:about=\"https://w3id.org/copgraph/id/document/x\"><rdfs:label>x</rdfs:label></rdf:Description></rdf:RDF>",
                "text/csv", "id,rdfs:label\ndocument/x,x\n");
        for (var e : good.entrySet()) {
            String doc = e.getValue();
            for (int cut = 1; cut <= 10; cut++) {
                String broken = doc.substring(0, Math.max(1, doc.length() * cut / 11 - 1)) + (cut % 2 == 0 ? "\u00ff}{<" : "");
                String graph = "?graph=" + Http.enc("https://w3id.org/copgraph/graph/x");
                cases.add(new Case("import broken " + e.getKey() + " cut " + cut, post(base + "/api/imports" + graph, e.getKey(), broken, "Bearer " + server.curator())));
                cases.add(new Case("import no token " + e.getKey() + " cut " + cut, post(base + "/api/imports" + graph, e.getKey(), doc, null)));
                if (!e.getKey().equals("text/csv") && !e.getKey().equals("application/trig") && !e.getKey().equals("application/n-quads")) {
                    cases.add(new Case("GSP PUT broken " + e.getKey() + " cut " + cut, HttpRequest.newBuilder(URI.create(base + "/data" + graph))
                            .header("Content-Type", e.getKey()).header("Authorization", "Bearer " + server.curator())
                            .PUT(HttpRequest.BodyPublishers.ofString(broken)).build()));
                }
            }
        }
        JsonNode queries = new ObjectMapper().readTree(server.http().get("/api/queries").body());
        List<String> badValues = List.of("not an iri", "<script>", "' OR 1=1 --", "> } ; DROP ALL ; #", "\" } INSERT DATA { <a> <b> <c> } #",
                "http://", "12abc", "2020-13-45", "maybe", "\u0000");
        for (JsonNode q : queries) {
            String href = base + q.get("href").asText();
            cases.add(new Case(q.get("name").asText() + " unknown param", HttpRequest.newBuilder(URI.create(href + "?colour=blue")).GET().build()));
            cases.add(new Case(q.get("name").asText() + " bad limit", HttpRequest.newBuilder(URI.create(href + "?limit=-3")).GET().build()));
            cases.add(new Case(q.get("name").asText() + " bad format", HttpRequest.newBuilder(URI.create(href + "?format=png")).GET().build()));
            cases.add(new Case(q.get("name").asText() + " bad accept", HttpRequest.newBuilder(URI.create(href)).header("Accept", "image/png").GET().build()));
            for (JsonNode p : q.get("parameters")) {
                String type = p.get("type").asText();
                if (type.equals("string")) {
                    continue; // any text is a valid string; injection through strings is checked by the data snapshot
                }
                for (String v : badValues) {
                    cases.add(new Case(q.get("name").asText() + " " + p.get("name").asText() + "=" + v,
                            HttpRequest.newBuilder(URI.create(href + "?" + p.get("name").asText() + "=" + Http.enc(v))).GET().build()));
                }
            }
        }
        cases.add(new Case("unknown query", HttpRequest.newBuilder(URI.create(base + "/api/queries/%3Cscript%3E")).GET().build()));
        cases.add(new Case("oversized update", post(base + "/update", "application/sparql-update", "#".repeat((int) App.MAX_BODY_BYTES + 1), "Bearer " + server.curator())));
        cases.add(new Case("oversized import", post(base + "/api/imports", "text/turtle", " ".repeat((int) App.MAX_BODY_BYTES + 1), "Bearer " + server.curator())));
        List<String> badAuth = List.of("Bearer", "Basic dXNlcjpwYXNz", "Bearer  ", "bearer x y z", "Token abc", "Bearer \u00e9\u00e8");
        for (String a : badAuth) {
            cases.add(new Case("auth " + a, HttpRequest.newBuilder(URI.create(base + "/update"))
                    .header("Content-Type", "application/sparql-update").header("Authorization", a)
                    .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }")).build()));
        }
        for (String ct : List.of("", "text/plain", "application/json", "multipart/form-data", "application/sparql-update; charset=bogus-123", "x/y")) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/update")).header("Authorization", "Bearer " + server.curator())
                    .POST(HttpRequest.BodyPublishers.ofString("{}"));
            if (!ct.isEmpty()) {
                b.header("Content-Type", ct);
            }
            cases.add(new Case("update content-type " + ct, b.build()));
        }
        for (String p : List.of("/data?graph=not%20an%20iri", "/data?graph=", "/api/admin/backup", "/api/admin/tokens", "/nothing/here", "/api/queries/none")) {
            cases.add(new Case("GET " + p, HttpRequest.newBuilder(URI.create(base + p)).GET().build()));
        }
        for (String accept : List.of("image/png", "video/*", "application/x-foo", "text/x-bar;q=1, audio/*")) {
            for (String p : List.of("/api/queries/events", "/data?graph=" + Http.enc("https://w3id.org/copgraph/graph/cff-session-3"))) {
                cases.add(new Case("Accept " + accept + " on " + p, HttpRequest.newBuilder(URI.create(base + p)).header("Accept", accept).GET().build()));
            }
        }
        cases.add(new Case("restore not a backup", HttpRequest.newBuilder(URI.create(base + "/api/admin/restore"))
                .header("Authorization", "Bearer " + server.curator()).POST(HttpRequest.BodyPublishers.ofString("nope")).build()));
        cases.add(new Case("PATCH /data", HttpRequest.newBuilder(URI.create(base + "/data")).method("PATCH", HttpRequest.BodyPublishers.ofString("x")).build()));
        return cases;
    }

    private static HttpRequest post(String url, String type, String body, String auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return b.build();
    }

}
