package org.w3id.copgraph.linkeddata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;


import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Server;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;

/** A hub with 120 CoPs pointing at it: more than two pages of inverse links. */
class InverseLinksTest {

    private static final Iris IRIS = Iris.DEFAULT;
    private static final Node HUB = NodeFactory.createURI(IRIS.resource("project", "hub"));
    private static final Node GRAPH = NodeFactory.createURI(IRIS.graph("test-hub"));

    private static Copgraph cg;
    private static Server app;

    @BeforeAll
    static void start() {
        Store store = Store.inMemory();
        store.write(d -> {
            d.add(Quad.create(GRAPH, HUB, RDF.type.asNode(), NodeFactory.createURI(Cop.NS + "Project")));
            d.add(Quad.create(GRAPH, HUB, RDFS.label.asNode(), NodeFactory.createLiteralLang("The hub", "en")));
            for (int i = 0; i < 120; i++) {
                Node cop = NodeFactory.createURI(IRIS.resource("cop", String.format("c%03d", i)));
                d.add(Quad.create(GRAPH, cop, RDF.type.asNode(), NodeFactory.createURI(Cop.CommunityOfPractice)));
                d.add(Quad.create(GRAPH, cop, RDFS.label.asNode(), NodeFactory.createLiteralLang("CoP " + i, "en")));
                d.add(Quad.create(GRAPH, cop, NodeFactory.createURI(Cop.NS + "hostedBy"), HUB));
            }
        });
        cg = Copgraph.on(Fixtures.settings(), store);
        app = Server.start(cg);
    }

    @AfterAll
    static void stop() {
        app.stop();
        cg.close();
    }

    @Test
    void inverseLinksComeInPagesWithTheirTotal() {
        ResourceDescriptions descriptions = new ResourceDescriptions(cg.store(), IRIS, 10_000);
        Description first = descriptions.describe(HUB.getURI(), 1);
        assertThat(first.inverse()).hasSize(1);
        Description.InverseGroup hosted = first.inverse().get(0);
        assertThat(hosted.total()).isEqualTo(120);
        assertThat(hosted.links()).hasSize(ResourceDescriptions.INVERSE_PAGE_SIZE);
        assertThat(hosted.links().get(0).subject().getURI()).endsWith("/c000");
        assertThat(first.label(hosted.links().get(0).subject().getURI())).isEqualTo("CoP 0");

        Description third = descriptions.describe(HUB.getURI(), 3);
        assertThat(third.inverse().get(0).links()).hasSize(20);
        assertThat(third.inverse().get(0).links().get(0).subject().getURI()).endsWith("/c100");
    }

    @Test
    void anIriTheStoreKnowsNothingAboutIsNotFound() {
        ResourceDescriptions descriptions = new ResourceDescriptions(cg.store(), IRIS, 10_000);
        assertThatThrownBy(() -> descriptions.describe(IRIS.resource("cop", "nobody"), 1))
                .isInstanceOf(Problem.class).extracting(e -> ((Problem) e).status()).isEqualTo(404);
    }

    @Test
    void thePageShowsOnePageOfInverseLinksAndHowManyMore() {
        Http http = new Http(app.port());
        HttpResponse<String> r = http.get("/id/project/hub", "Accept", "text/html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("href=\"/id/cop/c049\"").doesNotContain("href=\"/id/cop/c050\"")
                .contains("<a href=\"/id/project/hub?inverse-page=2#inverse\">+70 more</a>");
        HttpResponse<String> page3 = http.get("/id/project/hub?inverse-page=3", "Accept", "text/html");
        assertThat(page3.body()).contains("href=\"/id/cop/c119\"").doesNotContain("more</a>").contains("previous page");
    }
}
