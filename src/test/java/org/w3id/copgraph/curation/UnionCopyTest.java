package org.w3id.copgraph.curation;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;

class UnionCopyTest {

    private static Quad quad(String g, int i) {
        Node p = NodeFactory.createURI("http://example.org/p");
        return Quad.create(NodeFactory.createURI("http://example.org/" + g), NodeFactory.createURI("http://example.org/s" + i),
                p, NodeFactory.createLiteralString("o" + i));
    }

    @Test
    void theCopyHoldsTheUnionOfTheGraphsAndEverythingReachesTheStore() {
        DatasetGraph store = DatasetGraphFactory.create();
        UnionCopy copy = new UnionCopy(StreamRDFLib.dataset(store), 100);
        for (int i = 0; i < 10; i++) {
            copy.quad(quad("a", i));
            copy.quad(quad("b", i));
        }
        assertThat(store.stream().count()).isEqualTo(20);
        // A statement in two graphs is one statement of the union, as in the store's union graph.
        assertThat(copy.union().size()).isEqualTo(10);
        assertThat(copy.union().contains(quad("a", 3).asTriple())).isTrue();
    }

    @Test
    void aCopyThatOutgrowsItsShareIsDroppedButTheLoadGoesOn() {
        DatasetGraph store = DatasetGraphFactory.create();
        UnionCopy copy = new UnionCopy(StreamRDFLib.dataset(store), 5);
        for (int i = 0; i < 10; i++) {
            copy.quad(quad("a", i));
        }
        assertThat(copy.union()).isNull();
        assertThat(store.stream().count()).isEqualTo(10);
    }
}
