package org.w3id.copgraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;

/** Changes committed while the network is being read reach it from their deltas, without reading the store again. */
class NetworkCatchUpTest {

    private static final String ID = "https://w3id.org/copgraph/id/";
    private static final String COP = "https://w3id.org/copgraph/ontology#";

    // Only read here: the networks under test are fed their changes as deltas.
    private final Copgraph cg = Fixtures.seeded();

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    @Test
    void aChangeMadeBeforeTheFirstReadIsAppliedToTheStatementsKeptForTheVersionBefore(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        Instant v1 = Instant.parse("2026-12-02T10:00:00Z");
        Instant v2 = Instant.parse("2026-12-02T10:00:01Z");
        FactRows kept = FactsJoinTest.rows(30, 4);
        kept.write(dir.resolve(Network.ROWS_FILE), String.valueOf(v1));
        AtomicReference<Object> version = new AtomicReference<>(v1);
        java.util.concurrent.atomic.AtomicInteger storeReads = new java.util.concurrent.atomic.AtomicInteger();
        Network network = Network.ofRows(version::get, () -> {
            storeReads.incrementAndGet();
            return FactsJoinTest.rows(30, 4);
        }, dir);

        // A restarted server: a change committed before anything asked for the network.
        Node graph = uri(ID + "graph/catch-up");
        Node cop = uri(ID + "cop/changed-before-the-read");
        List<Quad> added = List.of(Quad.create(graph, cop, RDF.type.asNode(), uri(COP + "CommunityOfPractice")),
                Quad.create(graph, cop, RDFS.label.asNode(), NodeFactory.createLiteralLang("Early CoP", "en")));
        assertThat(network.applied(v1, v2, added, List.of())).isFalse();
        version.set(v2);

        Facts facts = network.facts();

        assertThat(facts.nodes()).containsKey(cop.getURI());
        assertThat(network.snapshot().version()).isEqualTo(v2);
        assertThat(storeReads).as("the statements kept for the version before, not the store").hasValue(0);
        assertThat(network.deltasApplied()).isEqualTo(1);
    }

    @Test
    void aChangeMadeWhileTheNetworkIsReadIsInItWhenTheReadEnds() throws Exception {
        Instant v1 = Instant.parse("2026-12-02T10:00:00Z");
        Instant v2 = Instant.parse("2026-12-02T10:00:01Z");
        AtomicReference<Object> version = new AtomicReference<>(v1);
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FactsReader reader = new FactsReader(cg.store(), 60_000);
        Network network = Network.ofRows(version::get, () -> {
            FactRows rows = reader.readRows();
            read.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return rows;
        });
        CompletableFuture<Facts> first = CompletableFuture.supplyAsync(network::facts);
        assertThat(read.await(30, TimeUnit.SECONDS)).isTrue();

        // Committed after the store was read, while the read is still under way.
        Node graph = uri(ID + "graph/catch-up");
        Node cop = uri(ID + "cop/caught-up");
        List<Quad> added = List.of(
                Quad.create(graph, cop, RDF.type.asNode(), uri(COP + "CommunityOfPractice")),
                Quad.create(graph, cop, RDFS.label.asNode(), NodeFactory.createLiteralLang("Caught-up CoP", "en")),
                Quad.create(graph, cop, uri(COP + "crossPollinatedBy"), uri(ID + "cop/urbana")));
        assertThat(network.applied(v1, v2, added, List.of())).isFalse();
        version.set(v2);
        release.countDown();

        Facts facts = first.get(30, TimeUnit.SECONDS);
        assertThat(network.snapshot().version()).isEqualTo(v2);
        assertThat(network.facts().nodes()).containsKey(cop.getURI());
        assertThat(network.facts().links()).anyMatch(l -> l.from().equals(cop.getURI()) || l.to().equals(cop.getURI()));
        assertThat(facts.nodes()).containsKey(cop.getURI());
        assertThat(network.storeReads()).isEqualTo(1);
        assertThat(network.deltasApplied()).isEqualTo(1);
    }

    @Test
    void aChangeThatDoesNotFollowTheReadsVersionIsLeftToTheNextRead() throws Exception {
        Instant v1 = Instant.parse("2026-12-02T10:00:00Z");
        AtomicReference<Object> version = new AtomicReference<>(v1);
        FactsReader reader = new FactsReader(cg.store(), 60_000);
        Network network = Network.ofRows(version::get, reader::readRows);
        Node cop = uri(ID + "cop/from-elsewhere");
        // A delta from a version this network never had: it cannot be chained to what was read.
        network.applied(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:01Z"),
                List.of(Quad.create(uri(ID + "graph/x"), cop, RDF.type.asNode(), uri(COP + "CommunityOfPractice"))), List.of());
        assertThat(network.facts().nodes()).doesNotContainKey(cop.getURI());
        assertThat(network.snapshot().version()).isEqualTo(v1);
        assertThat(network.deltasApplied()).isZero();
    }
}
