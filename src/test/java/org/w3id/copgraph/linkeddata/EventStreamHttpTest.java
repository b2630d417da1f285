package org.w3id.copgraph.linkeddata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.AS;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.WritableServer;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Backup;
import org.w3id.copgraph.store.Store;

/** Walks the event stream as a partner would, with nothing but HTTP and an RDF parser. */
class EventStreamHttpTest {

    private static final String G = "https://w3id.org/copgraph/graph/ldes-test";
    private static final String KEPT = "https://w3id.org/copgraph/id/agent/ldes-test-kept";
    private static final String GONE = "https://w3id.org/copgraph/id/agent/ldes-test-gone";
    private static final String URBANA = "https://w3id.org/copgraph/id/cop/urbana";
    private static final Node VERSION_OF = DCTerms.isVersionOf.asNode();
    private static final Node TIME = NodeFactory.createURI(Cop.provGeneratedAtTime);
    private static final Set<Node> METADATA = Set.of(VERSION_OF, TIME, NodeFactory.createURI(Cop.provQualifiedGeneration));

    @RegisterExtension
    static final WritableServer server = new WritableServer("ldes-tester");

    private static void update(String body) {
        HttpResponse<String> r = server.http().post("/update", "application/sparql-update",
                "PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                        + "PREFIX prov: <http://www.w3.org/ns/prov#> " + body,
                "Authorization", "Bearer " + server.curator());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void replayingTheStreamFromItsRootRebuildsEveryResourceIncludingADeletedOne() {
        update("INSERT DATA { GRAPH <" + G + "> { <" + KEPT + "> a prov:Agent, foaf:Agent ; rdfs:label \"Kept\"@en ."
                + " <" + GONE + "> a prov:Agent, foaf:Agent ; rdfs:label \"Gone\"@en . } }");
        update("INSERT DATA { GRAPH <" + G + "> { <" + URBANA + "> rdfs:comment \"Seen by the stream test\"@en ."
                + " <" + KEPT + "> rdfs:label \"Kept, renamed\"@en . } }");
        update("DELETE WHERE { GRAPH <" + G + "> { <" + GONE + "> ?p ?o } }");

        List<Graph> pages = walk();
        assertThat(pages.stream().anyMatch(p -> p.find(Node.ANY, VERSION_OF, uri(GONE)).toList().stream()
                .anyMatch(t -> p.contains(t.getSubject(), RDF.type.asNode(), AS.Delete.asNode()))))
                .as("a tombstone member for the deleted resource").isTrue();
        Map<Node, Graph> state = replay(pages);

        assertThat(state).doesNotContainKey(uri(GONE));
        assertThat(state.get(uri(URBANA)).contains(uri(URBANA), uri("http://www.w3.org/2000/01/rdf-schema#comment"), Node.ANY)).isTrue();
        Set<Node> resources = streamedResources(server.cg());
        assertThat(resources).hasSizeGreaterThan(50).contains(uri(KEPT), uri(URBANA)).doesNotContain(uri(GONE));
        assertThat(state.keySet()).containsExactlyInAnyOrderElementsOf(resources);
        for (Node r : resources) {
            Graph now = server.cg().store().read(d -> org.w3id.copgraph.model.Closures.describe(d.getUnionGraph(), r));
            assertThat(state.get(r).isIsomorphicWith(now)).as(r.getURI()).isTrue();
        }
    }

    @Test
    void fullPagesAreImmutableAndTheNewestIsNot() {
        List<String> pages = pagesFromRoot();
        assertThat(pages).hasSizeGreaterThan(1);
        for (int i = 0; i < pages.size(); i++) {
            HttpResponse<String> r = server.http().get(path(pages.get(i)), "Accept", "text/turtle");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            String cache = r.headers().firstValue("Cache-Control").orElseThrow();
            if (i < pages.size() - 1) {
                assertThat(cache).contains("immutable");
            } else {
                assertThat(cache).doesNotContain("immutable");
            }
        }
        assertThat(server.http().get("/ldes/" + pages.size()).statusCode()).isEqualTo(404);
    }

    @Test
    void theSeedLoadGaveEveryResourceItsFirstVersion() {
        Graph page = fetch(pagesFromRoot().get(0));
        Node first = member(page, 0);
        assertThat(page.contains(first, VERSION_OF, Node.ANY)).isTrue();
        Node generation = page.find(first, uri(Cop.provQualifiedGeneration), Node.ANY).next().getObject();
        Node activity = page.find(generation, uri(Cop.provActivity), Node.ANY).next().getObject();
        assertThat(activity.getURI()).startsWith("https://w3id.org/copgraph/id/change/");
    }

    @Test
    void theStreamSurvivesBackupAndRestoreOntoANewStore() {
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        Backup.write(server.cg().store(), backup);
        try (Copgraph restored = Copgraph.on(Fixtures.settings(), Store.inMemory())) {
            restored.curation().restore(org.w3id.copgraph.curation.Caller.local(),
                    Backup.read(new ByteArrayInputStream(backup.toByteArray()), false).data(), false);
            // The new store takes over the backup's stream; the restore gives no member of its own,
            // as every resource is as the stream's latest version has it.
            assertThat(restored.harvest().stream().size()).isEqualTo(server.cg().harvest().stream().size()).isPositive();
        }
    }

    /** Page IRIs the root links to, in order. */
    private static List<String> pagesFromRoot() {
        Graph root = fetch("http://localhost:" + server.port() + "/ldes");
        Node stream = root.find(Node.ANY, RDF.type.asNode(), uri(Cop.ldesEventStream)).next().getSubject();
        assertThat(root.contains(stream, uri(Cop.ldesTimestampPath), TIME)).isTrue();
        assertThat(root.contains(stream, uri(Cop.ldesVersionOfPath), VERSION_OF)).isTrue();
        List<String> pages = new ArrayList<>();
        root.find(Node.ANY, uri(Cop.treeNodeLink), Node.ANY).forEachRemaining(t -> pages.add(t.getObject().getURI()));
        pages.sort((a, b) -> Long.compare(number(a), number(b)));
        return pages;
    }

    /** Every member, from the first page the root names along the chain of relations. */
    private static List<Graph> walk() {
        List<Graph> pages = new ArrayList<>();
        String next = pagesFromRoot().get(0);
        while (next != null) {
            Graph page = fetch(next);
            pages.add(page);
            var rel = page.find(uri(next), uri(Cop.treeRelation), Node.ANY);
            next = null;
            if (rel.hasNext()) {
                Node r = rel.next().getObject();
                assertThat(page.contains(r, RDF.type.asNode(), uri(Cop.treeGreaterThanOrEqualToRelation))).isTrue();
                next = page.find(r, uri(Cop.treeNodeLink), Node.ANY).next().getObject().getURI();
            }
        }
        return pages;
    }

    /** What a partner does: for each member in time order, the newest version wins; a tombstone removes. */
    private static Map<Node, Graph> replay(List<Graph> pages) {
        record Version(Instant time, long order, Node resource, Graph state) {
        }
        List<Version> versions = new ArrayList<>();
        long order = 0;
        for (Graph page : pages) {
            List<Node> members = new ArrayList<>();
            page.find(Node.ANY, uri(Cop.treeMember), Node.ANY).forEachRemaining(t -> members.add(t.getObject()));
            members.sort((a, b) -> Long.compare(number(a.getURI()), number(b.getURI())));
            for (Node v : members) {
                Node resource = page.find(v, VERSION_OF, Node.ANY).next().getObject();
                Instant time = Instant.parse(page.find(v, TIME, Node.ANY).next().getObject().getLiteralLexicalForm());
                Graph state = null;
                if (!page.contains(v, RDF.type.asNode(), AS.Delete.asNode())) {
                    state = GraphFactory.createDefaultGraph();
                    for (Triple t : org.w3id.copgraph.model.Closures.describe(page, v).find().toList()) {
                        if (t.getSubject().equals(v) && METADATA.contains(t.getPredicate())) {
                            continue;
                        }
                        state.add(t.getSubject().equals(v) ? resource : t.getSubject(), t.getPredicate(),
                                t.getObject().equals(v) ? resource : t.getObject());
                    }
                }
                versions.add(new Version(time, order++, resource, state));
            }
        }
        versions.sort((a, b) -> a.time.equals(b.time) ? Long.compare(a.order, b.order) : a.time.compareTo(b.time));
        Map<Node, Graph> out = new HashMap<>();
        for (Version v : versions) {
            if (v.state == null) {
                out.remove(v.resource);
            } else {
                out.put(v.resource, v.state);
            }
        }
        return out;
    }

    private static Node member(Graph page, int index) {
        List<Node> members = new ArrayList<>();
        page.find(Node.ANY, uri(Cop.treeMember), Node.ANY).forEachRemaining(t -> members.add(t.getObject()));
        members.sort((a, b) -> Long.compare(number(a.getURI()), number(b.getURI())));
        return members.get(index);
    }

    private static Graph fetch(String url) {
        HttpResponse<String> r = server.http().get(path(url), "Accept", "text/turtle");
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).base(url).parse(g);
        return g;
    }

    private static String path(String url) {
        String site = "http://localhost:" + server.port();
        assertThat(url).startsWith(site);
        return url.substring(site.length());
    }

    private static long number(String iri) {
        return Long.parseLong(iri.substring(iri.lastIndexOf('/') + 1));
    }

    /**
     * The resources the event stream should carry: those of the source graphs and graph/meta (it
     * describes the curators' research notes, a resource of its own), not of the change log or
     * the derived graphs, which copgraph maintains outside the stream.
     */
    static Set<Node> streamedResources(org.w3id.copgraph.Copgraph cg) {
        return cg.store().read(d -> {
            Set<Node> out = new HashSet<>();
            Iris iris = cg.settings().iris();
            d.listGraphNodes().forEachRemaining(g -> {
                if (!g.getURI().equals(iris.changesGraph())
                        && (!iris.isMaintainedGraph(g.getURI()) || g.getURI().equals(iris.metaGraph()))) {
                    d.getGraph(g).find().forEachRemaining(t -> {
                        if (t.getSubject().isURI() && iris.isResource(t.getSubject().getURI())) {
                            out.add(t.getSubject());
                        }
                    });
                }
            });
            return out;
        });
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
