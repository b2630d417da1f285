package org.w3id.copgraph.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.curation.ChangeRecord;
import org.w3id.copgraph.store.Store;

class SeedCopRemovalTest {

    private static final String ID = "https://w3id.org/copgraph/id/";

    @Test
    void removingASeedCopTakesWhatOnlyItUsedAndKeepsTheRestConforming() {
        try (Copgraph cg = Copgraph.on(Fixtures.settings(), Store.inMemory())) {
            cg.loader().loadSeedIfEmpty();
            // The write path checks the shapes: a removal that left a membership or an exchange
            // without its CoP would be refused with a 422 rather than return here.
            ChangeRecord r = cg.freshness().remove(Caller.local(), "urbana", "Test: the project ended");
            assertThat(r.changed()).isTrue();
            assertThat(r.resources()).contains(ID + "cop/urbana", ID + "cross-pollination/urbana-cop-blast-cop-stories-cff-session-3");
            cg.store().read(d -> {
                var union = d.getUnionGraph();
                Node urbana = uri(ID + "cop/urbana");
                assertThat(union.find(urbana, Node.ANY, Node.ANY).hasNext()).isFalse();
                assertThat(d.getGraph(uri("https://w3id.org/copgraph/graph/cff-session-3")).find(Node.ANY, Node.ANY, urbana).hasNext())
                        .as("nothing in the sources points at it").isFalse();
                assertThat(union.find(uri(ID + "cross-pollination/urbana-cop-blast-cop-stories-cff-session-3"), Node.ANY, Node.ANY)
                        .hasNext()).as("an exchange with it goes with it").isFalse();
                assertThat(union.find(uri(ID + "project/urbana"), Node.ANY, Node.ANY).hasNext()).as("its project stays").isTrue();
                assertThat(union.find(uri(ID + "cop/blast"), Node.ANY, Node.ANY).hasNext()).as("other CoPs stay").isTrue();
                return null;
            });
            assertThat(cg.freshness().removal(ID + "cop/urbana")).hasValueSatisfying(x -> assertThat(x.reason())
                    .isEqualTo("Test: the project ended"));
        }
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
