package org.w3id.copgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.Server;

import com.sun.net.httpserver.HttpServer;

/**
 * {@code /sparql} of a front on a remote store costs the store one request per client request: the
 * client's query, sent once as written (not parsed, planned and re-sent in pieces). A recording
 * proxy between the front and a peer Fuseki sees what the front sends.
 */
class PassThroughRequestsTest {

    private static PeerFuseki.Running peer;
    private static HttpServer proxy;
    private static final List<String> SEEN = new CopyOnWriteArrayList<>();
    private static Copgraph front;
    private static Server app;

    @BeforeAll
    static void start() throws Exception {
        peer = PeerFuseki.launch();
        String peerBase = peer.base();
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/query", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String raw = exchange.getRequestURI().getRawQuery();
            String target = peerBase + "/query" + (raw == null ? "" : "?" + raw);
            SEEN.add(URLDecoder.decode((raw == null ? "" : raw) + " " + new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            HttpURLConnection c = (HttpURLConnection) URI.create(target).toURL().openConnection(Proxy.NO_PROXY);
            c.setRequestMethod(exchange.getRequestMethod());
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (name.equalsIgnoreCase("Accept") || name.equalsIgnoreCase("Content-Type")) {
                    c.setRequestProperty(name, values.get(0));
                }
            });
            if (body.length > 0) {
                c.setDoOutput(true);
                try (OutputStream o = c.getOutputStream()) {
                    o.write(body);
                }
            }
            int status = c.getResponseCode();
            byte[] answer;
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                answer = in == null ? new byte[0] : in.readAllBytes();
            }
            if (c.getContentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", c.getContentType());
            }
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(answer);
            }
        });
        proxy.start();
        String proxied = "http://127.0.0.1:" + proxy.getAddress().getPort() + "/query";
        front = Copgraph.open(Fixtures.settings().withRemoteStore(proxied, peerBase + "/update"));
        front.loader().loadSeedIfEmpty();
        app = Server.start(front);
    }

    @AfterAll
    static void stop() throws Exception {
        // The peer is a process of its own: it is stopped even when closing the front fails.
        try {
            app.stop();
            front.close();
        } finally {
            proxy.stop(0);
            peer.close();
        }
    }

    @Test
    void eachQueryReachesTheStoreOnceAndAloneAsTheClientWroteIt() {
        Http http = new Http(app.port());
        List<String[]> queries = List.of(
                new String[] {"SELECT ?s WHERE { ?s ?p \"marker-select\" } LIMIT 3", "application/sparql-results+json"},
                new String[] {"ASK { ?s ?p \"marker-ask\" }", "application/sparql-results+xml"},
                new String[] {"CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p \"marker-construct\" }", "text/turtle"});
        http.get("/sparql?query=" + Http.enc("ASK { ?s ?p \"warm-up\" }"), "Accept", "application/sparql-results+json");
        for (String[] q : queries) {
            SEEN.clear();
            HttpResponse<String> r = http.get("/sparql?query=" + Http.enc(q[0]), "Accept", q[1]);
            assertThat(r.statusCode()).as(q[0] + ": " + r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(q[1]);
            String marker = q[0].replaceAll(".*\"(marker-[a-z]+)\".*", "$1");
            // Other requests may arrive meanwhile: the front's background work (curated answers
            // computed ahead) reads the same store. The client's query arrives once, as written.
            assertThat(SEEN.stream().filter(s -> s.contains(marker)).toList()).as(q[0]).hasSize(1);
        }
    }
}
