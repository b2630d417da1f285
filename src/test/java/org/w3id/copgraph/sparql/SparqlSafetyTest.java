package org.w3id.copgraph.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.WritableServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Issue 12 on /sparql and /update: limits before parsing, 4xx in the one shape, nothing fetched. */
class SparqlSafetyTest {

    @RegisterExtension
    static final WritableServer server = new WritableServer("safety");

    private static final String JAVA_NAME = "(?s).*(\\b[a-z]+\\.[a-z]+\\.[\\w.]*[A-Z]\\w*|Exception|StackOverflow|\\bat [a-z]+\\.).*";

    private static HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
    }

    private static HttpResponse<String> direct(String query, String contentType, String... headers) {
        HttpRequest.Builder b = to("/sparql").header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(query));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return server.http().send(b.build());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return new ObjectMapper().readTree(r.body());
    }

    private static void assertError(HttpResponse<String> r, int status, String code) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = json(r);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank().doesNotMatch(JAVA_NAME);
    }

    @Test
    void hugeUnionsOrChainsAndDeepNestingGet400NotAStackOverflow() throws IOException {
        for (String q : SparqlLimitsTest.overflowing()) {
            assertError(direct(q, "application/sparql-query"), 400, "query-too-deep");
            assertError(direct("query=" + Http.enc(q), "application/x-www-form-urlencoded"), 400, "query-too-deep");
        }
        String deep = "SELECT * WHERE " + "{".repeat(500) + "}".repeat(500);
        assertError(server.http().get("/sparql?query=" + Http.enc(deep)), 400, "query-too-deep");
    }

    @Test
    void aQueryAboveTheSizeCapGets413() throws IOException {
        String big = "SELECT * WHERE { ?s ?p \"" + "x".repeat(1_100_000) + "\" }";
        assertError(direct(big, "application/sparql-query"), 413, "query-too-large");
        assertError(direct("query=" + Http.enc(big), "application/x-www-form-urlencoded"), 413, "query-too-large");
    }

    @Test
    void hugeOrDeepUpdatesAreRefusedBeforeParsing() throws IOException {
        String union = SparqlLimitsTest.repeat(20_000, "INSERT { GRAPH <urn:g> { ?s ?p 1 } } WHERE { {?s ?p 0}", " UNION {?s ?p #}", "}");
        HttpResponse<String> deep = server.http().post("/update", "application/sparql-update", union,
                "Authorization", "Bearer " + server.curator());
        assertError(deep, 400, "query-too-deep");
        String big = "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> \"" + "x".repeat(1_100_000) + "\" } }";
        HttpResponse<String> large = server.http().post("/update", "application/sparql-update", big,
                "Authorization", "Bearer " + server.curator());
        assertError(large, 413, "query-too-large");
    }

    @Test
    void badProtocolInputGets4xxInTheOneErrorShape() throws IOException {
        String q = "SELECT * WHERE { ?s ?p ?o } LIMIT 1";
        assertError(direct(q, "application/sparql-query; charset=bogus-123"), 415, "unsupported-charset");
        assertError(direct("query=" + Http.enc(q), "application/x-www-form-urlencoded; charset=bogus-123"), 415, "unsupported-charset");
        assertError(direct(q, ";;;"), 415, "unsupported-media-type");
        assertError(server.http().get("/sparql?query=" + Http.enc(q), "Accept", ";;"), 406, "not-acceptable");
        HttpResponse<String> notUtf8 = server.http().send(to("/sparql").header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray("ASK { ?s ?p \"\u00e9\" }".getBytes(StandardCharsets.ISO_8859_1))).build());
        assertError(notUtf8, 400, "bad-encoding");
        assertError(server.http().get("/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%22%FF%22%20%7D"), 400, "bad-encoding");
        assertError(direct("query=ASK%20%7B%7D%ZZ", "application/x-www-form-urlencoded"), 400, "bad-encoding");
        assertError(server.http().get("/sparql?query=" + Http.enc("SELECT * WHERE { ?s ?p ?o FILTER regex(str(?o), \"(\") }")),
                400, "bad-query");
        assertError(server.http().get("/sparql?query=" + Http.enc("SELECT (replace(str(?o), \"[\", \"x\") AS ?x) WHERE { ?s ?p ?o }")),
                400, "bad-query");
        assertError(server.http().get("/sparql?query=" + Http.enc("SELECT * WHERE { ?s ?p }")), 400, "query-syntax");
        HttpResponse<String> put = server.http().send(to("/sparql").PUT(HttpRequest.BodyPublishers.ofString(q)).build());
        assertError(put, 405, "method-not-allowed");
        assertThat(put.headers().firstValue("Allow").orElse("")).contains("GET").contains("POST");
    }

    @Test
    void aClientThatAsksForPlainTextGetsTheErrorAsPlainText() {
        HttpResponse<String> r = server.http().get("/sparql?query=" + Http.enc("SELECT * WHERE { ?s ?p }"), "Accept", "text/plain");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(r.body()).startsWith("400 query-syntax: ").contains("line 1");
    }

    @Test
    void errorBodiesNameNoJavaClassAndNoServerPath() {
        List<String> bad = List.of("SELECT * WHERE { ?s ?p ?o FILTER regex(str(?o), \"(\") }", "SELECT * WHERE { ?s ?p }",
                "SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }", "BASE <file:///etc/> SELECT * WHERE { <passwd> ?p ?o FILTER(",
                "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o", "SELECT (<java:java.lang.System>(?o) AS ?x) WHERE { ?s ?p ?o } LIMIT 1");
        for (String q : bad) {
            HttpResponse<String> r = server.http().get("/sparql?query=" + Http.enc(q));
            assertThat(r.statusCode()).as(q).isLessThan(500);
            assertThat(r.body()).as(q).doesNotMatch(JAVA_NAME).doesNotContain(System.getProperty("user.dir"));
        }
    }

    @Test
    void serviceFromAndFromNamedNeverReachOutside() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread accepting = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket s = listener.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            String outside = "http://127.0.0.1:" + listener.getLocalPort() + "/data";
            List<String> queries = List.of(
                    "SELECT * WHERE { SERVICE <" + outside + "> { ?s ?p ?o } }",
                    "SELECT * WHERE { SERVICE SILENT <" + outside + "> { ?s ?p ?o } }",
                    "SELECT * WHERE { BIND(<" + outside + "> AS ?u) SERVICE ?u { ?s ?p ?o } }",
                    "SELECT * FROM <" + outside + "> WHERE { ?s ?p ?o }",
                    "SELECT * FROM NAMED <" + outside + "> WHERE { GRAPH ?g { ?s ?p ?o } }",
                    "CONSTRUCT { ?s ?p ?o } FROM <" + outside + "> WHERE { ?s ?p ?o }",
                    "DESCRIBE <" + outside + ">");
            for (String q : queries) {
                HttpResponse<String> r = server.http().get("/sparql?query=" + Http.enc(q));
                assertThat(r.statusCode()).as(q).isLessThan(500);
                if (q.contains("SERVICE <")) {
                    assertError(r, 400, "service-not-allowed");
                }
                HttpResponse<String> posted = direct(q, "application/sparql-query");
                assertThat(posted.statusCode()).as(q).isLessThan(500);
            }
            String all = "SELECT * WHERE { ?s ?p ?o } LIMIT 1";
            assertThat(server.http().get("/sparql?query=" + Http.enc(all) + "&default-graph-uri=" + Http.enc(outside)).statusCode()).isEqualTo(200);
            assertThat(server.http().get("/sparql?query=" + Http.enc(all) + "&named-graph-uri=" + Http.enc(outside)).statusCode()).isEqualTo(200);
            assertThat(connections.get()).as("connections to the outside listener").isZero();
        }
    }

    @Test
    void otherMethodsThanPostOnUpdateGet405WithAllow() throws IOException {
        HttpResponse<String> get = server.http().get("/update");
        assertError(get, 405, "method-not-allowed");
        assertThat(get.headers().firstValue("Allow").orElse("")).contains("POST");
        // Writes are guarded before anything else (issue 12 §2): without a token PUT is a 401, with one a 405.
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            HttpResponse<String> r = server.http().send(to("/update").header("Authorization", "Bearer " + server.curator())
                    .method(method, HttpRequest.BodyPublishers.noBody()).build());
            assertError(r, 405, "method-not-allowed");
            assertThat(r.headers().firstValue("Allow").orElse("")).contains("POST");
        }
    }

    @Test
    void goodQueriesStillAnswerAsBefore() {
        String q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
        HttpResponse<String> form = direct("query=" + Http.enc(q), "application/x-www-form-urlencoded; charset=UTF-8", "Accept", "text/csv");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Content-Length")).isPresent();
        HttpResponse<String> latin = server.http().send(to("/sparql").header("Content-Type", "application/sparql-query; charset=ISO-8859-1")
                .header("Accept", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(
                        "SELECT (\"\u00e9\" AS ?e) WHERE {}".getBytes(StandardCharsets.ISO_8859_1))).build());
        assertThat(latin.statusCode()).isEqualTo(200);
        assertThat(latin.body()).contains("\u00e9");
        HttpResponse<String> get = server.http().get("/sparql?query=" + Http.enc("SELECT (\"\u00e9+x\" AS ?e) WHERE {}"), "Accept", "text/csv");
        assertThat(get.body()).contains("\u00e9+x");
        HttpResponse<String> head = server.http().send(to("/sparql?query=" + Http.enc(q)).header("Accept", "text/csv")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(head.body()).isEmpty();
    }
}
