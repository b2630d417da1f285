package org.w3id.copgraph.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.queries.ResultFormat;

/** A remote store has no text index: search scans instead, and never fails for it. */
class RemoteFallbackTest {

    private static FusekiServer peer;
    private static Copgraph remote;

    @BeforeAll
    static void start() {
        // A plain SPARQL service holding the seed graph: no text index there.
        DatasetGraph data = DatabaseMgr.createDatasetGraph();
        data.getContext().set(TDB2.symUnionDefaultGraph, true);
        DatasetGraph seed = Fixtures.seeded().store().dataset();
        Txn.executeWrite(data, () -> Txn.executeRead(seed, () -> seed.findNG(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY).forEachRemaining(data::add)));
        peer = FusekiServer.create().loopback(true).port(0).add("/ds", data, false).build().start();
        remote = Copgraph.open(Fixtures.settings().withRemoteStore("http://127.0.0.1:" + peer.getPort() + "/ds/query", null));
    }

    @AfterAll
    static void stop() {
        remote.close();
        peer.stop();
    }

    @Test
    void textSearchOnARemoteStoreScans() {
        assertThat(remote.store().hasTextIndex()).isFalse();
        assertThat(remote.textSearch().indexed()).isFalse();
        assertThat(remote.textSearch().find("Transition Network", 5).get(0).label()).isEqualTo("Transition Network");
        assertThat(remote.textSearch().find("transit", 100)).extracting(TextSearch.Hit::label).contains("Transition Network");
        assertThatThrownBy(() -> remote.textSearch().find("( * \\", 5))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(400));
    }

    @Test
    void searchByLabelOnARemoteStoreRunsItsScanText() {
        String csv = new String(remote.queries().answer("search-by-label", Map.of("text", "Transition Network"), ResultFormat.CSV,
                remote.store()).body(), StandardCharsets.UTF_8);
        String local = new String(Fixtures.seeded().queries().answer("search-by-label", Map.of("text", "Transition Network"),
                ResultFormat.CSV, Fixtures.seeded().store()).body(), StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains("Transition Network");
        // The same first answer either way: the exact match.
        assertThat(csv.lines().skip(1).findFirst()).isEqualTo(local.lines().skip(1).findFirst());
    }
}
