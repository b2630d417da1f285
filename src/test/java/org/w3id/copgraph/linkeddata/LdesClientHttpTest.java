package org.w3id.copgraph.linkeddata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

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
import org.w3id.copgraph.WritableServer;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;

/**
 * A real LDES client (npm {@code ldes-client}, pinned in .ci/ldes-client, installed by .ci/run)
 * replicates {@code /ldes} from scratch, then, resuming from its saved state, picks up edits and
 * a deletion made through the write path; replaying what it emitted gives the store's resources.
 */
class LdesClientHttpTest {

    private static final Path CLIENT = Path.of(".ci/ldes-client/node_modules/.bin/ldes-client");
    private static final String G = "https://w3id.org/copgraph/graph/ldes-client-test";
    private static final String KEPT = "https://w3id.org/copgraph/id/agent/ldes-client-kept";
    private static final String GONE = "https://w3id.org/copgraph/id/agent/ldes-client-gone";
    private static final String URBANA = "https://w3id.org/copgraph/id/cop/urbana";
    private static final Node VERSION_OF = DCTerms.isVersionOf.asNode();
    private static final Node TIME = NodeFactory.createURI(Cop.provGeneratedAtTime);
    private static final Set<Node> METADATA = Set.of(VERSION_OF, TIME, NodeFactory.createURI(Cop.provQualifiedGeneration));

    @RegisterExtension
    static final WritableServer server = new WritableServer("ldes-client-tester");

    @Test
    void ldesClientReplaysTheStoreThroughEditsAndADeletion() throws Exception {
        assumeTrue(Files.isExecutable(CLIENT), "ldes-client is not installed (.ci/run installs it with npm into .ci/ldes-client)");
        Path state = Files.createTempDirectory("ldes-client-state");
        Graph emitted = GraphFactory.createDefaultGraph();

        int first = run(state, emitted);
        assertThat(first).as("members replicated from scratch").isGreaterThan(50);
        assertThat(replay(emitted)).containsKey(uri(URBANA)).doesNotContainKey(uri(KEPT));

        update("INSERT DATA { GRAPH <" + G + "> { <" + KEPT + "> a prov:Agent, foaf:Agent ; rdfs:label \"Kept\"@en ."
                + " <" + GONE + "> a prov:Agent, foaf:Agent ; rdfs:label \"Gone\"@en . } }");
        update("INSERT DATA { GRAPH <" + G + "> { <" + URBANA + "> rdfs:comment \"Seen by the ldes-client test\"@en ."
                + " <" + KEPT + "> rdfs:label \"Kept, renamed\"@en . } }");
        update("DELETE WHERE { GRAPH <" + G + "> { <" + GONE + "> ?p ?o } }");

        // Resumed from its saved state, the client emits only what is new.
        int then = run(state, emitted);
        assertThat(then).as("members after the edits").isBetween(3, first - 1);
        Map<Node, Graph> replayed = replay(emitted);

        assertThat(replayed).doesNotContainKey(uri(GONE)).containsKey(uri(KEPT));
        Set<Node> resources = EventStreamHttpTest.streamedResources(server.cg());
        assertThat(resources).contains(uri(KEPT), uri(URBANA)).doesNotContain(uri(GONE));
        assertThat(replayed.keySet()).containsExactlyInAnyOrderElementsOf(resources);
        for (Node r : resources) {
            Graph now = server.cg().store().read(d -> org.w3id.copgraph.model.Closures.describe(d.getUnionGraph(), r));
            assertThat(replayed.get(r).isIsomorphicWith(now)).as(r.getURI()).isTrue();
        }
    }

    /** Runs the client once (no --follow: it stops at the end of the stream), adds what it emitted; returns the member count. */
    private static int run(Path state, Graph emitted) throws IOException, InterruptedException {
        Path out = Files.createTempFile("ldes-client", ".nt");
        Path err = Files.createTempFile("ldes-client", ".log");
        Process p = new ProcessBuilder(CLIENT.toString(), "--save", state.toString(), "http://127.0.0.1:" + server.port() + "/ldes")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("ldes-client finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        Graph g = GraphFactory.createDefaultGraph();
        // One member per block of triples, N-Triples but for shorthand numbers (269058.0): Turtle reads both.
        // Blank node labels are unique across the whole output.
        RDFParser.source(out).lang(Lang.TURTLE).parse(g);
        g.find().forEachRemaining(emitted::add);
        return g.find(Node.ANY, VERSION_OF, Node.ANY).toList().size();
    }

    private static void update(String body) {
        HttpResponse<String> r = server.http().post("/update", "application/sparql-update",
                "PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                        + "PREFIX prov: <http://www.w3.org/ns/prov#> " + body,
                "Authorization", "Bearer " + server.curator());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** Every member in time order (then member number): the newest version wins, a tombstone removes. */
    private static Map<Node, Graph> replay(Graph members) {
        record Version(Instant time, long number, Node resource, Graph state) {
        }
        List<Version> versions = new ArrayList<>();
        for (Triple m : members.find(Node.ANY, VERSION_OF, Node.ANY).toList()) {
            Node v = m.getSubject();
            Instant time = Instant.parse(members.find(v, TIME, Node.ANY).next().getObject().getLiteralLexicalForm());
            Graph state = null;
            if (!members.contains(v, RDF.type.asNode(), AS.Delete.asNode())) {
                state = GraphFactory.createDefaultGraph();
                for (Triple t : org.w3id.copgraph.model.Closures.describe(members, v).find().toList()) {
                    if (t.getSubject().equals(v) && METADATA.contains(t.getPredicate())) {
                        continue;
                    }
                    state.add(t.getSubject().equals(v) ? m.getObject() : t.getSubject(), t.getPredicate(),
                            t.getObject().equals(v) ? m.getObject() : t.getObject());
                }
            }
            String iri = v.getURI();
            versions.add(new Version(time, Long.parseLong(iri.substring(iri.lastIndexOf('/') + 1)), m.getObject(), state));
        }
        versions.sort((a, b) -> a.time.equals(b.time) ? Long.compare(a.number, b.number) : a.time.compareTo(b.time));
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

    /** The resources of the published data (not the change log nor the derived graphs copgraph maintains). */
    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
