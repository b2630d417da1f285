package org.w3id.copgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.http.HttpResponse;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.Server;

/**
 * A front given several query endpoints of one store ({@code serve --sparql-endpoint A
 * --sparql-endpoint B}): while one answers, no query fails because another is down.
 */
class RemoteFailoverTest {

    private FusekiServer first;
    private FusekiServer second;
    private Copgraph front;
    private Server app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (front != null) {
            front.close();
        }
        for (FusekiServer f : new FusekiServer[] {first, second}) {
            if (f != null) {
                f.stop();
            }
        }
    }

    private static FusekiServer replica() {
        DatasetGraph data = DatabaseMgr.createDatasetGraph();
        data.getContext().set(TDB2.symUnionDefaultGraph, true);
        DatasetGraph seed = Fixtures.seeded().store().dataset();
        Txn.executeWrite(data, () -> Txn.executeRead(seed, () -> seed.findNG(org.apache.jena.graph.Node.ANY,
                org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY).forEachRemaining(data::add)));
        return FusekiServer.create().loopback(true).port(0).add("/ds", data, false).build().start();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String url(FusekiServer f) {
        return "http://127.0.0.1:" + f.getPort() + "/ds/query";
    }

    private static String count(Http http) {
        HttpResponse<String> r = http.get("/sparql?query=" + Http.enc("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
                "Accept", "text/csv");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void aQueryIsAnsweredByTheSecondEndpointWhenTheFirstIsDown() throws Exception {
        first = null;
        second = replica();
        front = Copgraph.open(Fixtures.settings().withRemoteStore("http://127.0.0.1:" + closedPort() + "/ds/query " + url(second), null));
        app = Server.start(front);
        Http http = new Http(app.port());
        assertThat(count(http)).contains("n");
        HttpResponse<String> curated = http.get("/api/queries/ecosystem-overview", "Accept", "text/csv");
        assertThat(curated.statusCode()).as(curated.body()).isEqualTo(200);
    }

    @Test
    void aReplicaKilledMidRunIsPassedOverAndNoQueryFails() throws Exception {
        first = replica();
        second = replica();
        front = Copgraph.open(Fixtures.settings().withRemoteStore(url(first) + " " + url(second), null));
        app = Server.start(front);
        Http http = new Http(app.port());
        String before = count(http);
        first.stop();
        first = null;
        for (int i = 0; i < 3; i++) {
            assertThat(count(http)).isEqualTo(before);
            assertThat(http.get("/api/queries/ecosystem-overview", "Accept", "text/csv").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withEveryEndpointDownTheAnswerIsA503NotA500() throws Exception {
        first = replica();
        front = Copgraph.open(Fixtures.settings().withRemoteStore(url(first) + " http://127.0.0.1:" + closedPort() + "/q", null));
        app = Server.start(front);
        first.stop();
        first = null;
        HttpResponse<String> r = new Http(app.port()).get("/sparql?query=" + Http.enc("SELECT * WHERE { ?s ?p ?o } LIMIT 1"),
                "Accept", "application/sparql-results+json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.body()).contains("store-unavailable");
    }
}
