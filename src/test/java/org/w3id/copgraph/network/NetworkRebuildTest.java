package org.w3id.copgraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.curation.Change;

class NetworkRebuildTest {

    @Test
    void closingAfterTheStoreStoppedTheReadDoesNotThrow() {
        // What a server stopped during the read it began at start meets (Store.stopQueries).
        Network network = Network.of(() -> "v1", () -> {
            throw new java.util.concurrent.CancellationException("the store is closing");
        });
        network.readInBackground();
        org.assertj.core.api.Assertions.assertThatCode(network::close).doesNotThrowAnyException();
    }

    @Test
    void whileANewVersionIsBeingReadThePreviousNetworkAnswers() throws Exception {
        AtomicReference<Object> version = new AtomicReference<>("v1");
        CountDownLatch release = new CountDownLatch(1);
        Facts first = HandMade.twoCliques().facts();
        Facts second = new HandMade().cops("x", "y").cross("x", "y").facts();
        Network network = Network.of(version::get, () -> {
            if (version.get().equals("v1")) {
                return first;
            }
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return second;
        });

        assertThat(network.facts()).isSameAs(first);
        version.set("v2");
        // The reader of v2 is blocked, yet the answer comes at once, from v1.
        assertThat(network.facts()).isSameAs(first);
        assertThat(network.servedVersion()).isEqualTo("v1");
        assertThat(network.net(Projection.ALL, Window.ALWAYS).nodes()).hasSize(10);

        release.countDown();
        assertThat(network.awaitSnapshot().facts()).isSameAs(second);
        assertThat(network.facts()).isSameAs(second);
        assertThat(network.net(Projection.ALL, Window.ALWAYS).nodes()).hasSize(2);
    }

    @Test
    void afterACuratedChangeTheNetworkIsWhatAReadFromScratchGives() {
        try (Copgraph cg = Fixtures.fresh(null)) {
            Network network = cg.network();
            int before = network.facts().links().size();
            cg.curation().apply(Caller.local(), new Change.SparqlUpdate("""
                    PREFIX cop: <https://w3id.org/copgraph/ontology#>
                    PREFIX prov: <http://www.w3.org/ns/prov#>
                    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                    INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/test> {
                      <https://w3id.org/copgraph/id/cop/newcomers> a cop:CommunityOfPractice , <http://xmlns.com/foaf/0.1/Group> , <http://www.w3.org/ns/org#Organization> ; rdfs:label "Newcomers CoP"@en ;
                        cop:crossPollinatedBy <https://w3id.org/copgraph/id/cop/urbana> .
                    } }"""));

            Facts rebuilt = network.awaitSnapshot().facts();
            Facts scratch = new FactsReader(cg.store(), 30_000).read();
            assertThat(rebuilt.nodes()).isEqualTo(scratch.nodes()).containsKey("https://w3id.org/copgraph/id/cop/newcomers");
            assertThat(keys(rebuilt)).isEqualTo(keys(scratch));
            assertThat(rebuilt.links()).hasSize(before + 1);
            assertThat(network.net(Projection.CROSS_POLLINATION, Window.ALWAYS).incident("https://w3id.org/copgraph/id/cop/newcomers"))
                    .singleElement().satisfies(e -> assertThat(e.reasons().get(0).text())
                            .isEqualTo("UrbanA Community of Practice → Newcomers CoP: cross-pollination (no details recorded)"));
        }
    }

    private static Set<String> keys(Facts facts) {
        return facts.links().stream().map(l -> l.from() + " " + l.to() + " " + l.directed() + " " + l.reason().kind() + " "
                + l.reason().text() + " " + l.reason().date() + " " + l.reason().sources() + " " + l.reason().weight())
                .collect(Collectors.toSet());
    }
}
