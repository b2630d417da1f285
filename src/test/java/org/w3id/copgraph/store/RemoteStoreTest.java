package org.w3id.copgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Server;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.curation.Role;
import org.w3id.copgraph.curation.Tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * copgraph serving from a second Fuseki process on loopback ({@code serve --sparql-endpoint
 * --update-endpoint}): the same answers as the embedded store, and writes land in the peer.
 */
class RemoteStoreTest {

    private static PeerFuseki.Running peer;
    private static String peerBase;
    private static Copgraph remote;
    private static Server remoteApp;
    private static Server localApp;
    private static String curator;

    @BeforeAll
    static void start() throws Exception {
        peer = PeerFuseki.launch();
        peerBase = peer.base();
        Path tokens = Files.createTempFile("tokens", ".txt");
        curator = Tokens.load(tokens, Map.of()).issue(Role.CURATOR, "remote-curator");
        remote = Copgraph.open(Fixtures.settings().withTokens(tokens).withRemoteStore(peerBase + "/query", peerBase + "/update"));
        remote.loader().loadSeedIfEmpty();
        remoteApp = Server.start(remote);
        localApp = Fixtures.server();
        // Both sides write their derived graphs (metrics, suggestions) in the background: compare
        // once both have, or the counts differ by them.
        Fixtures.awaitDerivedGraphs(remote);
    }

    @AfterAll
    static void stop() throws Exception {
        // The peer is a process of its own: it is stopped even when closing the servers fails.
        try {
            remoteApp.stop();
            localApp.stop();
            remote.close();
        } finally {
            peer.close();
        }
    }

    private static List<String> rows(Http http, String path) {
        HttpResponse<String> r = http.get(path, "Accept", "text/csv");
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body().lines().map(l -> l.replaceAll("_:[A-Za-z0-9]+", "_:")).sorted().toList();
    }

    @Test
    void everyCuratedQueryAnswersTheSameFromTheRemoteStore() throws Exception {
        Http local = new Http(localApp.port());
        Http far = new Http(remoteApp.port());
        JsonNode list = new ObjectMapper().readTree(local.get("/api/queries").body());
        for (JsonNode q : list) {
            String href = q.get("href").asText();
            assertThat(rows(far, href)).as(href).isEqualTo(rows(local, href));
        }
    }

    @Test
    void sparqlCountsAgree() {
        String count = "/sparql?query=" + Http.enc("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g NOT IN (<https://w3id.org/copgraph/graph/changes>, <https://w3id.org/copgraph/graph/remote-test>)) }");
        assertThat(rows(new Http(remoteApp.port()), count)).isEqualTo(rows(new Http(localApp.port()), count));
    }

    @Test
    void aCuratorsWriteLandsInThePeerStoreAndBadOnesAreRefused() {
        Http far = new Http(remoteApp.port());
        HttpResponse<String> ok = far.post("/update", "application/sparql-update",
                "INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/remote-test> { <https://w3id.org/copgraph/id/document/remote-note>"
                        + " <http://www.w3.org/2000/01/rdf-schema#label> \"written through copgraph\" } }",
                "Authorization", "Bearer " + curator);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        String ask = Http.enc("ASK { GRAPH <https://w3id.org/copgraph/graph/remote-test> { ?s ?p \"written through copgraph\" } }");
        HttpResponse<String> direct = far.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(peerBase + "/query?query=" + ask))
                .header("Accept", "application/sparql-results+json").GET().build());
        assertThat(direct.body()).contains("true");
        HttpResponse<String> bad = far.post("/update", "application/sparql-update",
                "INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/remote-test> { <https://w3id.org/copgraph/id/cross-pollination/bad>"
                        + " a <https://w3id.org/copgraph/ontology#CrossPollination> } }", "Authorization", "Bearer " + curator);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(far.get("/sparql?query=" + Http.enc("ASK { <https://w3id.org/copgraph/id/cross-pollination/bad> ?p ?o }"),
                "Accept", "application/sparql-results+json").body()).contains("false");
    }

    @Test
    void healthAndTheHomePageWorkOnTheRemoteStore() {
        Http far = new Http(remoteApp.port());
        assertThat(far.get("/health").body()).contains("\"status\":\"ok\"");
        assertThat(far.get("/", "Accept", "text/html").body()).contains("Communities of practice");
    }

    @Test
    void theDirectoryIsTheSameOnTheRemoteStore() {
        // The directory reads its index through Store.query, so a remote store gives the same cards and counts.
        for (String path : List.of("/cops?format=json", "/cops?domain=socio-ecological-transition&format=json")) {
            String far = new Http(remoteApp.port()).get(path).body();
            String near = new Http(localApp.port()).get(path).body();
            assertThat(far).as(path).contains("\"cards\"").isEqualTo(near);
        }
        // A search finds the same CoPs (the embedded store may score them with its text index, the remote one by words).
        assertThat(new Http(remoteApp.port()).get("/cops?q=hillary&format=json").body())
                .contains("\"total\":1,", "\"iri\":\"https://w3id.org/copgraph/id/cop/municipalities-in-transition\"");
    }
}
