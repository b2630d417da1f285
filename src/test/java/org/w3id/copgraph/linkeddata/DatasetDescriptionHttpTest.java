package org.w3id.copgraph.linkeddata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;


import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Server;
import org.w3id.copgraph.Http;

class DatasetDescriptionHttpTest {

    private static final Node DATASET = NodeFactory.createURI("https://w3id.org/copgraph/.well-known/void#dataset");

    private static Server app;
    private static Http http;
    private static Copgraph cg;

    @BeforeAll
    static void start() {
        cg = Fixtures.seeded();
        app = Fixtures.server();
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static Graph unionNow() {
        return cg.store().read(d -> {
            Graph u = GraphFactory.createDefaultGraph();
            d.getUnionGraph().find().forEachRemaining(u::add);
            return u;
        });
    }

    private static Graph describe(String accept, Lang lang) {
        HttpResponse<String> r = http.get("/.well-known/void", "Accept", accept);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith(lang.getHeaderString());
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), lang).parse(g);
        return g;
    }

    @Test
    void voidCountsEqualTheStores() {
        // Derived graphs (metrics, suggestions) are rewritten in the background: compare the
        // description with the store as it was when the description was made.
        Graph described;
        Graph unioned;
        java.time.Instant before;
        int tries = 0;
        do {
            before = cg.store().contentModified();
            described = describe("text/turtle", Lang.TURTLE);
            unioned = unionNow();
        } while (!java.util.Objects.equals(before, cg.store().contentModified()) && ++tries < 10);
        Graph g = described;
        Graph union = unioned;
        Map<Node, Long> perProperty = new HashMap<>();
        Map<Node, Set<Node>> perClass = new HashMap<>();
        Set<Node> subjects = new HashSet<>();
        Set<Node> objects = new HashSet<>();
        for (Triple t : union.find().toList()) {
            perProperty.merge(t.getPredicate(), 1L, Long::sum);
            subjects.add(t.getSubject());
            objects.add(t.getObject());
            if (t.getPredicate().equals(RDF.type.asNode())) {
                perClass.computeIfAbsent(t.getObject(), k -> new HashSet<>()).add(t.getSubject());
            }
        }
        assertThat(number(g, DATASET, VOID.triples.asNode())).isEqualTo(union.size());
        assertThat(number(g, DATASET, VOID.distinctSubjects.asNode())).isEqualTo(subjects.size());
        assertThat(number(g, DATASET, VOID.distinctObjects.asNode())).isEqualTo(objects.size());
        assertThat(number(g, DATASET, VOID.properties.asNode())).isEqualTo(perProperty.size());
        assertThat(number(g, DATASET, VOID.classes.asNode())).isEqualTo(perClass.size());

        Map<Node, Long> partitions = new HashMap<>();
        g.find(DATASET, VOID.propertyPartition.asNode(), Node.ANY).forEachRemaining(t ->
                partitions.put(object(g, t.getObject(), VOID.property.asNode()), number(g, t.getObject(), VOID.triples.asNode())));
        assertThat(partitions).isEqualTo(perProperty);
        Map<Node, Long> classes = new HashMap<>();
        g.find(DATASET, VOID.classPartition.asNode(), Node.ANY).forEachRemaining(t ->
                classes.put(object(g, t.getObject(), VOID._class.asNode()), number(g, t.getObject(), VOID.entities.asNode())));
        Map<Node, Long> expected = new HashMap<>();
        perClass.forEach((c, s) -> expected.put(c, (long) s.size()));
        assertThat(classes).isEqualTo(expected);
    }

    @Test
    void everyDumpIsADistributionWithItsMediaTypeAndTrueByteSize() {
        Graph g = describe("application/ld+json", Lang.JSONLD);
        var dists = g.find(DATASET, DCAT.distribution.asNode(), Node.ANY).toList();
        assertThat(dists).hasSize(DumpFormat.values().length);
        for (Triple t : dists) {
            Node d = t.getObject();
            String url = object(g, d, DCAT.downloadURL.asNode()).getURI();
            // Where to download is a location: under the public URL (here the listening address), not the base.
            assertThat(url).startsWith("http://localhost:" + app.port() + "/dumps/");
            byte[] body = http.sendBytes(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build());
            assertThat(number(g, d, DCAT.byteSize.asNode())).as(url).isEqualTo(body.length);
            assertThat(object(g, d, DCAT.mediaType.asNode()).getURI()).startsWith("https://www.iana.org/assignments/media-types/");
        }
        assertThat(object(g, DATASET, VOID.sparqlEndpoint.asNode()).getURI()).isEqualTo("http://localhost:" + app.port() + "/sparql");
        assertThat(object(g, DATASET, VOID.uriSpace.asNode()).getLiteralLexicalForm()).isEqualTo("https://w3id.org/copgraph/id/");
        assertThat(g.contains(DATASET, org.apache.jena.vocabulary.DCTerms.license.asNode(),
                NodeFactory.createURI("https://creativecommons.org/licenses/by/4.0/"))).isTrue();
        assertThat(g.find(Node.ANY, RDF.type.asNode(), DCAT.DataService.asNode()).toList()).hasSize(3);
    }

    @Test
    void theDescriptionComesInEveryRdfSyntaxAndAnswers304() {
        assertThat(describe("application/n-triples", Lang.NTRIPLES).contains(DATASET, RDF.type.asNode(), VOID.Dataset.asNode())).isTrue();
        assertThat(describe("application/rdf+xml", Lang.RDFXML).contains(DATASET, RDF.type.asNode(), DCAT.Dataset.asNode())).isTrue();
        HttpResponse<String> first = http.get("/.well-known/void");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get("/.well-known/void", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(http.get("/.well-known/void", "Accept", "image/png").statusCode()).isEqualTo(406);
    }

    private static Node object(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).next().getObject();
    }

    private static long number(Graph g, Node s, Node p) {
        return Long.parseLong(object(g, s, p).getLiteralLexicalForm());
    }
}
