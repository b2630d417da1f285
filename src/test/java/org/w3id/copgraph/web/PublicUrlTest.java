package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.SeededServer;
import org.w3id.copgraph.Server;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.PublicUrl;
import org.w3id.copgraph.store.Store;

/**
 * Absolute links come from the public URL, never from the request's Host header (a cache in front
 * would keep a page whose links point at a host of the client's choosing).
 */
class PublicUrlTest {

    /** Every answer that writes absolute links, and some that might. */
    private static final List<String> LINKING = List.of("/ldes", "/ldes/1", "/ldes/member/1", "/sitemap.xml",
            "/fragments", "/fragments?subject=" + Http.enc("https://w3id.org/copgraph/id/cop/urbana"),
            "/.well-known/void", "/sparql", "/id/cop/urbana?format=jsonld", "/ontology?format=jsonld", "/",
            "/no/such/page", "/explore");

    @RegisterExtension
    static final SeededServer server = new SeededServer();

    private static Copgraph configured;
    private static Server configuredServer;

    @BeforeAll
    static void startConfigured() {
        configured = Copgraph.on(Fixtures.settings().withPublicUrl(PublicUrl.parse("https://copgraph.example.org/")),
                Store.inMemory());
        configuredServer = Server.start(configured);
    }

    @AfterAll
    static void stopConfigured() {
        configuredServer.stop();
        configured.close();
    }

    @Test
    void aForgedHostHeaderAppearsInNoBodyAndNoHeader() throws IOException {
        for (String path : LINKING) {
            for (String accept : List.of("text/turtle", "text/html", "application/ld+json")) {
                String answer = raw(server.port(), path, "evil.example", accept);
                assertThat(answer).as(path + " as " + accept).startsWith("HTTP/1.1 ").doesNotContain("evil.example");
            }
        }
    }

    @Test
    void withoutAPublicUrlLinksGoToTheListeningAddress() throws IOException {
        String stream = raw(server.port(), "/ldes", "evil.example", "application/n-triples");
        assertThat(stream).contains("<http://localhost:" + server.port() + "/ldes>");
    }

    @Test
    void aConfiguredPublicUrlStartsEveryLink() throws IOException {
        int port = configuredServer.port();
        assertThat(raw(port, "/ldes", "evil.example", "application/n-triples")).contains("<https://copgraph.example.org/ldes>");
        assertThat(raw(port, "/sitemap.xml", "evil.example", "*/*")).contains("<loc>https://copgraph.example.org/id/cop/urbana</loc>");
        assertThat(raw(port, "/fragments", "evil.example", "application/n-quads"))
                .contains("<https://copgraph.example.org/fragments#dataset>");
        assertThat(raw(port, "/sparql", "evil.example", "application/n-triples"))
                .contains("<https://copgraph.example.org/sparql>");
        assertThat(raw(port, "/id/cop/urbana?format=jsonld", "evil.example", "*/*"))
                .contains("https://copgraph.example.org/ontology/context.jsonld");
    }

    /** VoID names the stream the event stream names, and gives as its endpoint the stream's own view. */
    @Test
    void voidAndTheEventStreamAgree() {
        Http http = new Http(configuredServer.port());
        Graph description = parse(http.get("/.well-known/void", "Accept", "application/n-triples").body());
        Graph stream = parse(http.get("/ldes", "Accept", "application/n-triples").body());
        Node dataset = NodeFactory.createURI("https://w3id.org/copgraph/.well-known/void#dataset");
        Node streamIri = NodeFactory.createURI(configured.harvest().stream().streamIri());
        assertThat(description.contains(dataset, RDFS.seeAlso.asNode(), streamIri)).isTrue();
        Node view = stream.find(streamIri, NodeFactory.createURI(Cop.treeView), Node.ANY).next().getObject();
        Node ldesService = NodeFactory.createURI("https://w3id.org/copgraph/.well-known/void#ldes");
        assertThat(description.find(ldesService, DCAT.endpointURL.asNode(), Node.ANY).next().getObject()).isEqualTo(view);
        assertThat(view.getURI()).isEqualTo("https://copgraph.example.org/ldes");
    }

    private static Graph parse(String ntriples) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(ntriples, Lang.NTRIPLES).parse(g);
        return g;
    }

    /** A raw HTTP/1.1 exchange: java.net.http does not let a client set Host. */
    static String raw(int port, String path, String host, String accept) throws IOException {
        try (Socket s = new Socket("localhost", port)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: " + accept
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            in.transferTo(body);
            return body.toString(StandardCharsets.UTF_8);
        }
    }
}
