package org.w3id.copgraph.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.WritableServer;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.reliability.Probe.Reply;

/**
 * The server fetches nothing on a client's behalf (issue 12, class 1). Two listeners on loopback
 * stand for the outside world: an HTTP server that answers every request with a usable JSON-LD
 * context, RDF and SPARQL results (so a fetch would succeed and show), and a raw socket that
 * accepts and hangs up (an FTP server, a peer that says nothing). Every upload, update and query
 * that names one of them is sent with no token, a wrong one, a curator's and an admin's; neither
 * listener may ever see a connection, and no answer may be a 5xx.
 */
class NoOutsideFetchTest {

    @RegisterExtension
    static final WritableServer server = new WritableServer("ssrf");

    private static final AtomicInteger HTTP_HITS = new AtomicInteger();
    private static final AtomicInteger RAW_HITS = new AtomicInteger();
    private static final List<String> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static HttpServer http;
    private static ServerSocket raw;

    private static final String CONTEXT = "{\"@context\": {\"name\": \"http://www.w3.org/2000/01/rdf-schema#label\"}}";

    @BeforeAll
    static void listen() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            HTTP_HITS.incrementAndGet();
            SEEN.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String type = path.endsWith(".ttl") ? "text/turtle" : path.endsWith(".rq") ? "application/sparql-results+json" : "application/ld+json";
            String body = type.equals("text/turtle") ? "<urn:fetched:s> <urn:fetched:p> <urn:fetched:o> ."
                    : type.startsWith("application/sparql") ? "{\"head\":{\"vars\":[]},\"results\":{\"bindings\":[{}]}}" : CONTEXT;
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        http.start();
        raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!raw.isClosed()) {
                try (Socket s = raw.accept()) {
                    RAW_HITS.incrementAndGet();
                    SEEN.add("raw connection from " + s.getRemoteSocketAddress());
                } catch (IOException e) {
                    // closed at the end of the test
                }
            }
        }, "ssrf-raw-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    static void stop() throws IOException {
        http.stop(0);
        raw.close();
    }

    private static int hits() {
        return HTTP_HITS.get() + RAW_HITS.get();
    }

    /** Every URL of the two listeners a client might name: HTTP, HTTPS, FTP, by address and by name. */
    private static List<String> urls() {
        int h = http.getAddress().getPort();
        int r = raw.getLocalPort();
        return List.of("http://127.0.0.1:" + h + "/context.jsonld", "http://localhost:" + h + "/data.ttl", "http://127.0.0.1:" + h + "/sparql.rq",
                "https://127.0.0.1:" + r + "/x", "ftp://127.0.0.1:" + r + "/x.ttl", "http://127.0.0.1:" + r + "/silent.ttl");
    }

    @Test
    void noRequestOfAnyKindMakesTheServerConnectOutside() throws Exception {
        String base = "http://localhost:" + server.port();
        Map<String, Probe.Sender> requests = new LinkedHashMap<>();
        List<String> auths = Arrays.asList(null, "Bearer nope", "Bearer " + server.curator(), "Bearer " + server.admin());
        String g = Iris.DEFAULT_BASE + "graph/ssrf";
        String gp = "?graph=" + Http.enc(g);
        for (String url : urls()) {
            String iri = "<" + url + ">";
            String id = "\"@id\": \"" + Iris.DEFAULT_BASE + "id/document/ssrf\", \"name\": \"x\"";
            Map<String, String> jsonld = new LinkedHashMap<>();
            jsonld.put("@context", "{\"@context\": \"" + url + "\", " + id + "}");
            jsonld.put("@context array", "{\"@context\": [\"" + url + "\"], " + id + "}");
            jsonld.put("@import", "{\"@context\": {\"@version\": 1.1, \"@import\": \"" + url + "\"}, " + id + "}");
            jsonld.put("scoped @context", "{\"@context\": {\"@version\": 1.1, \"p\": {\"@id\": \"http://schema.org/about\", \"@context\": \"" + url
                    + "\"}}, \"@id\": \"" + Iris.DEFAULT_BASE + "id/document/ssrf\", \"p\": {\"name\": \"x\"}}");
            jsonld.put("nested node @context", "{\"@id\": \"" + Iris.DEFAULT_BASE + "id/document/ssrf\", \"http://schema.org/about\": {\"@context\": \""
                    + url + "\", \"name\": \"x\"}}");
            jsonld.put("@base", "{\"@context\": {\"@base\": \"" + url + "\"}, \"@id\": \"x\", \"http://www.w3.org/2000/01/rdf-schema#label\": \"x\"}");
            Map<String, String[]> docs = new LinkedHashMap<>(); // name -> {content type, body}
            jsonld.forEach((k, v) -> docs.put("JSON-LD " + k, new String[] {"application/ld+json", v}));
            String rdf = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:rdfs=\"http://www.w3.org/2000/01/rdf-schema#\">"
                    + "<rdf:Description rdf:about=\"" + Iris.DEFAULT_BASE + "id/document/ssrf\"><rdfs:label>&x;</rdfs:label></rdf:Description></rdf:RDF>";
            docs.put("RDF/XML external entity", new String[] {"application/rdf+xml",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM \"" + url + "\">]>\n" + rdf});
            docs.put("RDF/XML parameter entity", new String[] {"application/rdf+xml",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [<!ENTITY % p SYSTEM \"" + url + "\"> %p; <!ENTITY x \"x\">]>\n" + rdf});
            docs.put("RDF/XML external DTD", new String[] {"application/rdf+xml",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF SYSTEM \"" + url + "\">\n" + rdf.replace("&x;", "x")});
            docs.put("RDF/XML xml:base", new String[] {"application/rdf+xml", rdf.replace("&x;", "x")
                    .replace("<rdf:RDF ", "<rdf:RDF xml:base=\"" + url + "\" ").replace("rdf:about=\"" + Iris.DEFAULT_BASE + "id/document/ssrf\"", "rdf:about=\"x\"")});
            docs.put("Turtle @base", new String[] {"text/turtle", "@base " + iri + " .\n<x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" ."});
            docs.put("Turtle @prefix", new String[] {"text/turtle", "@prefix e: " + iri + " .\ne:x <http://www.w3.org/2000/01/rdf-schema#label> \"x\" ."});
            docs.put("Turtle owl:imports", new String[] {"text/turtle", "<" + Iris.DEFAULT_BASE + "id/document/ssrf> <http://www.w3.org/2002/07/owl#imports> " + iri + " ."});
            docs.put("TriG graph named by it", new String[] {"application/trig", iri + " { <urn:a> <urn:b> <urn:c> }"});
            Map<String, String> updates = new LinkedHashMap<>();
            updates.put("LOAD", "LOAD " + iri);
            updates.put("LOAD SILENT", "LOAD SILENT " + iri);
            updates.put("LOAD INTO", "LOAD " + iri + " INTO GRAPH <" + g + ">");
            updates.put("SERVICE", "INSERT { GRAPH <" + g + "> { ?s ?p ?o } } WHERE { SERVICE " + iri + " { ?s ?p ?o } }");
            updates.put("SERVICE SILENT", "INSERT { GRAPH <" + g + "> { ?s ?p ?o } } WHERE { SERVICE SILENT " + iri + " { ?s ?p ?o } }");
            updates.put("USING", "INSERT { GRAPH <" + g + "> { ?s ?p ?o } } USING " + iri + " WHERE { ?s ?p ?o }");
            updates.put("USING NAMED", "INSERT { GRAPH <" + g + "> { ?s ?p ?o } } USING NAMED " + iri + " WHERE { GRAPH ?h { ?s ?p ?o } }");
            updates.put("WITH", "WITH " + iri + " INSERT { ?s <urn:p> ?o } WHERE { ?s ?p ?o }");
            updates.put("COPY", "COPY " + iri + " TO <" + g + ">");
            for (String auth : auths) {
                String who = auth == null ? "no token" : auth.equals("Bearer nope") ? "wrong token" : auth.contains(server.admin()) ? "admin" : "curator";
                for (var d : docs.entrySet()) {
                    requests.put("import " + d.getKey() + " " + url + " " + who,
                            Probe.send("POST", base + "/api/imports" + gp, d.getValue()[0], d.getValue()[1], auth));
                    if (!d.getValue()[0].equals("application/trig")) {
                        requests.put("GSP PUT " + d.getKey() + " " + url + " " + who, Probe.send("PUT", base + "/data" + gp, d.getValue()[0], d.getValue()[1], auth));
                        requests.put("GSP POST " + d.getKey() + " " + url + " " + who, Probe.send("POST", base + "/data" + gp, d.getValue()[0], d.getValue()[1], auth));
                    }
                }
                for (var u : updates.entrySet()) {
                    requests.put("update " + u.getKey() + " " + url + " " + who, Probe.send("POST", base + "/update", "application/sparql-update", u.getValue(), auth));
                }
                requests.put("update form using-graph-uri " + url + " " + who, Probe.send("POST", base + "/update", "application/x-www-form-urlencoded",
                        "update=" + Http.enc("INSERT { GRAPH <" + g + "> { ?s ?p ?o } } WHERE { ?s ?p ?o }") + "&using-graph-uri=" + Http.enc(url)
                                + "&using-named-graph-uri=" + Http.enc(url), auth));
                requests.put("GSP PUT ?graph=" + url + " " + who, Probe.send("PUT", base + "/data?graph=" + Http.enc(url), "text/turtle", "<urn:a> <urn:b> <urn:c> .", auth));
                requests.put("GSP POST ?graph=" + url + " " + who, Probe.send("POST", base + "/data?graph=" + Http.enc(url), "text/turtle", "<urn:a> <urn:b> <urn:c> .", auth));
                requests.put("GSP DELETE ?graph=" + url + " " + who, Probe.send("DELETE", base + "/data?graph=" + Http.enc(url), null, new byte[0], auth));
                requests.put("import ?graph=" + url + " " + who, Probe.send("POST", base + "/api/imports?graph=" + Http.enc(url), "text/turtle", "<urn:a> <urn:b> <urn:c> .", auth));
                requests.put("import ?url=" + url + " " + who, Probe.send("POST", base + "/api/imports?graph=" + Http.enc(g) + "&url=" + Http.enc(url)
                        + "&source=" + Http.enc(url), "text/turtle", "", auth));
            }
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("SERVICE", "SELECT * WHERE { SERVICE " + iri + " { ?s ?p ?o } }");
            queries.put("SERVICE SILENT", "SELECT * WHERE { SERVICE SILENT " + iri + " { ?s ?p ?o } }");
            queries.put("SERVICE by variable", "SELECT * WHERE { VALUES ?u { " + iri + " } SERVICE ?u { ?s ?p ?o } }");
            queries.put("FROM", "SELECT * FROM " + iri + " WHERE { ?s ?p ?o } LIMIT 1");
            queries.put("FROM NAMED", "SELECT * FROM NAMED " + iri + " WHERE { GRAPH ?h { ?s ?p ?o } } LIMIT 1");
            queries.put("DESCRIBE", "DESCRIBE " + iri);
            for (var q : queries.entrySet()) {
                requests.put("GET query " + q.getKey() + " " + url, Probe.get(base + "/sparql?query=" + Http.enc(q.getValue())));
                requests.put("POST query " + q.getKey() + " " + url, Probe.send("POST", base + "/sparql", "application/sparql-query", q.getValue(), null));
            }
            String any = Http.enc("SELECT * WHERE { ?s ?p ?o } LIMIT 1");
            requests.put("query default-graph-uri " + url, Probe.get(base + "/sparql?query=" + any + "&default-graph-uri=" + Http.enc(url)));
            requests.put("query named-graph-uri " + url, Probe.get(base + "/sparql?query=" + any + "&named-graph-uri=" + Http.enc(url)));
            requests.put("GSP GET ?graph=" + url, Probe.get(base + "/data?graph=" + Http.enc(url)));
            requests.put("neighbourhood of " + url, Probe.get(base + "/api/network/neighbourhood?focus=" + Http.enc(url)));
            requests.put("resource page with @context Link " + url, Probe.get(base + "/id/cop/urbana", "Accept", "application/ld+json; profile=\"" + url + "\""));
            requests.put("fragments subject " + url, Probe.get(base + "/fragments?subject=" + Http.enc(url)));
        }

        List<String> failures = new ArrayList<>();
        int fetched = 0;
        int fivexx = 0;
        for (var r : requests.entrySet()) {
            int before = hits();
            Reply reply;
            try {
                reply = r.getValue().send();
            } catch (Exception e) {
                reply = new Reply(-1, "no answer: " + e);
            }
            // a fetch from a background thread would land a moment later: give it that moment
            if (hits() == before && r.getKey().contains("LOAD")) {
                Thread.sleep(20);
            }
            boolean reached = hits() > before;
            if (reached) {
                fetched++;
            }
            if (reply.status() >= 500 || reply.status() < 0) {
                fivexx++;
            }
            if (reached || reply.status() >= 500 || reply.status() < 0) {
                failures.add((reached ? "REACHED the listener" : "no fetch") + ", status " + reply.status() + ": " + r.getKey() + ": " + reply.firstLine());
            }
        }
        System.out.printf("%nno-outside-fetch: %d requests, %d reached a listener (%d HTTP requests, %d raw connections), %d answered 5xx or nothing%n",
                requests.size(), fetched, HTTP_HITS.get(), RAW_HITS.get(), fivexx);
        assertThat(failures).as("%d of %d requests failed; the first 30:%n%s%nthe listeners saw: %s", failures.size(), requests.size(),
                String.join("\n", failures.subList(0, Math.min(30, failures.size()))), SEEN.subList(0, Math.min(10, SEEN.size()))).isEmpty();
        assertThat(hits()).as("connections that reached the listeners").isZero();
    }
}
