package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.WritableServer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The server fetches nothing on a client's behalf: a listener on loopback serves a valid JSON-LD
 * context (and anything else asked for), and no upload naming it, by any route, with or without
 * a token, makes a connection to it.
 */
class UploadFetchesNothingHttpTest {

    @RegisterExtension
    static final WritableServer server = new WritableServer("ssrf");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRAPH = "?graph=" + Http.enc("https://w3id.org/copgraph/graph/ssrf-test");
    private static final AtomicInteger HITS = new AtomicInteger();
    private static HttpServer listener;
    private static String url;

    @BeforeAll
    static void listen() throws IOException {
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", ex -> {
            HITS.incrementAndGet();
            byte[] ctx = "{\"@context\": {\"label\": \"http://www.w3.org/2000/01/rdf-schema#label\"}}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/ld+json");
            ex.sendResponseHeaders(200, ctx.length);
            ex.getResponseBody().write(ctx);
            ex.close();
        });
        listener.start();
        url = "http://127.0.0.1:" + listener.getAddress().getPort() + "/context.jsonld";
    }

    @AfterAll
    static void stop() {
        listener.stop(0);
    }

    private static List<String> remoteContextDocuments(String ctxUrl) {
        String node = "\"@id\": \"https://w3id.org/copgraph/id/document/ssrf\", \"label\": \"x\"";
        return List.of(
                "{\"@context\": \"" + ctxUrl + "\", " + node + "}",
                "{\"@context\": [\"" + ctxUrl + "\", {\"x\": \"http://example.org/x\"}], " + node + "}",
                "{\"@context\": {\"@version\": 1.1, \"@import\": \"" + ctxUrl + "\"}, " + node + "}",
                "{\"@context\": {\"@version\": 1.1, \"knows\": {\"@id\": \"http://xmlns.com/foaf/0.1/knows\", \"@context\": \""
                        + ctxUrl + "\"}}, \"@id\": \"https://w3id.org/copgraph/id/document/ssrf\","
                        + " \"knows\": {\"@id\": \"https://w3id.org/copgraph/id/document/other\", \"label\": \"y\"}}",
                "{\"@graph\": [{\"@context\": \"" + ctxUrl + "\", " + node + "}]}");
    }

    @Test
    void aJsonLdUploadNamingARemoteContextGets400AndNothingIsFetched() throws Exception {
        int before = HITS.get();
        List<String> failures = new ArrayList<>();
        for (String doc : remoteContextDocuments(url)) {
            for (String[] route : new String[][] {{"POST", "/api/imports" + GRAPH}, {"PUT", "/data" + GRAPH}, {"POST", "/data" + GRAPH}}) {
                HttpResponse<String> r = send(route[0], route[1], "application/ld+json", doc, "Bearer " + server.curator());
                if (r.statusCode() != 400 || !JSON.readTree(r.body()).get("error").asText().equals("remote-context")
                        || !r.body().contains("inline")) {
                    failures.add(r.statusCode() + " for " + route[0] + " " + route[1] + " " + doc + ": " + r.body());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(HITS.get()).as("connections to the listener").isEqualTo(before);
    }

    @Test
    void aFileContextIsNeverRead() throws Exception {
        for (String doc : remoteContextDocuments("file:///etc/passwd")) {
            HttpResponse<String> r = send("POST", "/api/imports" + GRAPH, "application/ld+json", doc, "Bearer " + server.curator());
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("remote-context");
            assertThat(r.body()).doesNotContain("root:");
        }
    }

    @Test
    void anUploadWithoutATokenFetchesNothing() {
        int before = HITS.get();
        for (String doc : remoteContextDocuments(url)) {
            assertThat(send("POST", "/api/imports" + GRAPH, "application/ld+json", doc, null).statusCode()).isEqualTo(401);
            assertThat(send("PUT", "/data" + GRAPH, "application/ld+json", doc, null).statusCode()).isEqualTo(401);
        }
        assertThat(HITS.get()).isEqualTo(before);
    }

    @Test
    void xmlExternalEntitiesAndDtdsAreNotFetched() {
        int before = HITS.get();
        String rdfXml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [<!ENTITY ext SYSTEM \"" + url + "\">]>\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:rdfs=\"http://www.w3.org/2000/01/rdf-schema#\">"
                + "<rdf:Description rdf:about=\"https://w3id.org/copgraph/id/document/ssrf\"><rdfs:label>&ext;</rdfs:label>"
                + "</rdf:Description></rdf:RDF>";
        String dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF SYSTEM \"" + url + "\">\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>";
        for (String doc : List.of(rdfXml, dtd)) {
            HttpResponse<String> r = send("POST", "/api/imports" + GRAPH, "application/rdf+xml", doc, "Bearer " + server.curator());
            // Refused or read with the entity left empty: either way nothing is fetched, and no 5xx.
            assertThat(r.statusCode()).as(r.body()).isLessThan(500);
        }
        assertThat(HITS.get()).isEqualTo(before);
    }

    @Test
    void copgraphsOwnContextIsServedWithoutAFetch() throws Exception {
        String own = "http://localhost:" + server.port() + LinkedDataRoutes.CONTEXT_PATH;
        for (String ctx : List.of(own, "https://w3id.org/copgraph/ontology/context.jsonld")) {
            String doc = "{\"@context\": \"" + ctx + "\", \"@id\": \"https://w3id.org/copgraph/id/document/own-context\","
                    + " \"@type\": \"foaf:Document\", \"rdfs:label\": \"A document\"}";
            HttpResponse<String> r = send("POST", "/api/imports" + GRAPH, "application/ld+json", doc, "Bearer " + server.curator());
            assertThat(r.statusCode()).as(ctx + ": " + r.body()).isIn(200, 422);
            assertThat(r.body()).doesNotContain("remote-context");
        }
    }

    private static HttpResponse<String> send(String method, String path, String type, String body, String auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        try {
            return server.http().send(b.build());
        } catch (UncheckedIOException e) {
            throw e;
        }
    }
}
