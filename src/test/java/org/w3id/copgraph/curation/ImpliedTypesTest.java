package org.w3id.copgraph.curation;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.store.Store;

/** Minimal input is enough: every write adds the types the shapes say a class implies, in the same graph. */
class ImpliedTypesTest {

    private static final String G = "https://w3id.org/copgraph/graph/implied-types-test";
    private static final Node TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    private static Copgraph cg;

    @BeforeAll
    static void seed() {
        cg = Copgraph.on(Fixtures.settings(), Store.inMemory());
        cg.loader().loadSeedIfEmpty();
    }

    @AfterAll
    static void close() {
        cg.close();
    }

    private static boolean holds(String graph, String s, String type) {
        return cg.store().read(d -> d.contains(NodeFactory.createURI(graph), NodeFactory.createURI(s), TYPE, NodeFactory.createURI(type)));
    }

    @Test
    void aSparqlUpdateWithACopTypeAndALabelAloneIsAcceptedWithTheImpliedTypes() {
        String x = "https://w3id.org/copgraph/id/cop/minimal-update";
        ChangeRecord r = cg.curation().apply(Caller.local(), new Change.SparqlUpdate("PREFIX cop: <" + Cop.NS + ">"
                + " PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
                + " INSERT DATA { GRAPH <" + G + "> { <" + x + "> a cop:CommunityOfPractice ; rdfs:label \"X\" } }"));
        assertThat(r.added()).isEqualTo(4);
        assertThat(holds(G, x, "http://www.w3.org/ns/org#Organization")).isTrue();
        assertThat(holds(G, x, "http://xmlns.com/foaf/0.1/Group")).isTrue();
    }

    @Test
    void aGraphStorePostGetsTheImpliedTypesOfEveryClassTransitively() {
        String tool = "https://w3id.org/copgraph/id/tool/minimal-tool";
        var data = GraphFactory.createDefaultGraph();
        data.add(Triple.create(NodeFactory.createURI(tool), TYPE, NodeFactory.createURI(Cop.NS + "Tool")));
        data.add(Triple.create(NodeFactory.createURI(tool), NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label"),
                NodeFactory.createLiteralString("A tool")));
        data.add(Triple.create(NodeFactory.createURI(tool), NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#prefLabel"),
                NodeFactory.createLiteralString("A tool")));
        Node g = NodeFactory.createURI(G + "-gsp");
        var shacl = org.w3id.copgraph.store.Shacl.fromFile(cg.settings().home().shapes());
        ChangeRecord r = cg.curation().apply(Caller.local(), new Change.AddToGraph(g, data));
        assertThat(r.changed()).isTrue();
        for (Node implied : shacl.impliedTypes(NodeFactory.createURI(Cop.NS + "Tool"))) {
            assertThat(holds(G + "-gsp", tool, implied.getURI())).as(implied.getURI()).isTrue();
        }
        assertThat(shacl.impliedTypes(NodeFactory.createURI(Cop.NS + "Tool"))).extracting(Node::getURI).contains(Cop.NS + "Practice");
    }

    @Test
    void dataThatAlreadyConformsGetsNothingAdded() {
        long before = cg.store().tripleCount();
        String x = "https://w3id.org/copgraph/id/cop/fully-typed";
        ChangeRecord r = cg.curation().apply(Caller.local(), new Change.SparqlUpdate("PREFIX cop: <" + Cop.NS + ">"
                + " PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX org: <http://www.w3.org/ns/org#>"
                + " PREFIX foaf: <http://xmlns.com/foaf/0.1/>"
                + " INSERT DATA { GRAPH <" + G + "> { <" + x + "> a cop:CommunityOfPractice, org:Organization, foaf:Group ; rdfs:label \"Y\" } }"));
        assertThat(r.added()).isEqualTo(4);
        assertThat(cg.store().tripleCount() - before).isGreaterThanOrEqualTo(4);
    }
}
