package org.w3id.copgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Home;
import org.w3id.copgraph.model.Iris;

class ShaclTest {

    private final Home home = Home.current();
    private final Shacl shacl = Shacl.fromFile(home.shapes());

    @Test
    void theParallelCheckOfAStoreGivesJenasReportInJenasOrder() {
        try (Store store = Store.inMemory()) {
            var seed = RdfFiles.read(List.of(home.ontology(), home.data()), Iris.DEFAULT);
            Node g = NodeFactory.createURI(Iris.DEFAULT.graph("test-many"));
            Node cop = NodeFactory.createURI("https://w3id.org/copgraph/ontology#CommunityOfPractice");
            Node hostedBy = NodeFactory.createURI("https://w3id.org/copgraph/ontology#hostedBy");
            store.write(d -> {
                seed.find().forEachRemaining(d::add);
                // Unlabelled CoPs hosted by untyped nodes: two violations each, over several slices.
                for (int i = 0; i < 4_500; i++) {
                    Node c = NodeFactory.createURI(Iris.DEFAULT.resource("cop", "bad-" + i));
                    d.add(Quad.create(g, c, RDF.type.asNode(), cop));
                    d.add(Quad.create(g, c, hostedBy, NodeFactory.createURI(Iris.DEFAULT.resource("organisation", "x-" + i))));
                }
            });
            Shacl.Report whole = store.read(d -> shacl.check(d.getUnionGraph()));
            Shacl.Report parallel = shacl.check(store::readUnion, 3);
            assertThat(whole.conforms()).isFalse();
            assertThat(whole.violations()).hasSizeGreaterThan(4_500 * 2);
            assertThat(parallel.conforms()).isFalse();
            assertThat(parallel.violations()).isEqualTo(whole.violations());
            // The same on an in-memory copy read by several threads at once.
            var copy = new org.apache.jena.mem2.GraphMem2Roaring();
            store.readUnion(u -> {
                u.find().forEachRemaining(copy::add);
                return null;
            });
            Shacl.Report inMemory = shacl.check(Shacl.Reader.of(copy), 3);
            assertThat(inMemory.violations()).isEqualTo(shacl.check(copy).violations());
            assertThat(inMemory.violations()).containsExactlyInAnyOrderElementsOf(whole.violations());
        }
    }

    @Test
    void theParallelCheckOfAConformingStoreConforms() {
        try (Store store = Store.inMemory()) {
            var seed = RdfFiles.read(List.of(home.ontology(), home.data()), Iris.DEFAULT);
            store.write(d -> seed.find().forEachRemaining(d::add));
            Shacl.Report r = shacl.check(store::readUnion, 2);
            assertThat(r.conforms()).isTrue();
            assertThat(r.violations()).isEqualTo(store.read(d -> shacl.check(d.getUnionGraph())).violations());
        }
    }
}
