package org.w3id.copgraph.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.WritableServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * SPARQL Update's operation policy (issue 12 §1, §3), copgraph's own graphs (§5) and changes that
 * change nothing (§5), each checked over HTTP with the store compared whole before and after.
 */
class UpdatePolicyHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String G = "https://w3id.org/copgraph/graph/policy-test";
    private static final String META = "https://w3id.org/copgraph/graph/meta";
    private static final String CHANGES = "https://w3id.org/copgraph/graph/changes";
    private static final String METRICS = "https://w3id.org/copgraph/graph/network-metrics";
    private static final String LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>";

    @RegisterExtension
    static final WritableServer server = new WritableServer("paula");

    /** A listener on loopback that must never be connected to: every fetch would land here. */
    private static ServerSocketChannel trap;
    private static String outside;

    @BeforeAll
    static void listen() throws IOException {
        trap = ServerSocketChannel.open();
        trap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        trap.configureBlocking(false);
        outside = "http://127.0.0.1:" + ((InetSocketAddress) trap.getLocalAddress()).getPort();
        // A graph of curator data for the tests to read from and write to.
        HttpResponse<String> r = update("INSERT DATA { GRAPH <" + G + "> { <https://w3id.org/copgraph/id/document/policy-note> "
                + LABEL + " \"A note\" } }");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @AfterAll
    static void close() throws IOException {
        trap.close();
    }

    /** No connection was made to the trap (the requests before this call have all been answered). */
    private static void assertNothingFetched() throws IOException {
        assertThat(trap.accept()).as("a connection reached the loopback listener").isNull();
    }

    private static HttpResponse<String> update(String update) {
        return server.http().post("/update", "application/sparql-update", update, "Authorization", "Bearer " + server.curator());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    /**
     * Every statement of the store, bookkeeping and event stream included, as sorted lines; but the
     * derived network metrics, which the server rewrites in the background after start-up and after
     * changes, and the statement count that follows them.
     */
    private static String store() {
        Copgraph cg = server.cg();
        return cg.store().read(d -> {
            TreeSet<String> lines = new TreeSet<>();
            d.find().forEachRemaining(q -> {
                boolean derived = q.getGraph().isURI() && q.getGraph().getURI().equals(METRICS)
                        || q.getSubject().isURI() && q.getSubject().getURI().equals("urn:copgraph:store")
                        && q.getPredicate().getURI().endsWith("void#triples");
                if (!derived) {
                    lines.add(q.toString());
                }
            });
            return String.join("\n", lines);
        });
    }

    private static long changeLogEntries() {
        Node changes = NodeFactory.createURI(CHANGES);
        Node activity = NodeFactory.createURI("http://www.w3.org/ns/prov#Activity");
        return server.cg().store().read(d -> org.apache.jena.atlas.iterator.Iter.count(
                d.find(changes, Node.ANY, RDF.type.asNode(), activity)));
    }

    private static void assertRefused(String update, int status, String code) throws IOException {
        server.settle();
        String before = store();
        HttpResponse<String> r = update(update);
        assertThat(r.statusCode()).as(update + "\n" + r.body()).isEqualTo(status);
        assertThat(json(r).get("error").asText()).as(update).isEqualTo(code);
        assertThat(store()).as("the store after " + update).isEqualTo(before);
    }

    private static void assertUnchanged(String update) throws IOException {
        server.settle();
        String before = store();
        HttpResponse<String> r = update(update);
        assertThat(r.statusCode()).as(update + "\n" + r.body()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("changed").asBoolean()).as(update).isFalse();
        assertThat(body.get("added").asLong()).isZero();
        assertThat(body.get("removed").asLong()).isZero();
        assertThat(store()).as("the store after " + update).isEqualTo(before);
    }

    // ---- §1, §3: the operation policy ----

    @Test
    void loadIsRefusedWithA400ThatSaysToUploadAndNothingIsFetched() throws IOException {
        for (String source : List.of(outside + "/data.ttl", "file:///etc/passwd", "ftp://127.0.0.1/x.ttl")) {
            assertRefused("LOAD <" + source + "> INTO GRAPH <" + G + ">", 400, "load-refused");
        }
        HttpResponse<String> r = update("LOAD <" + outside + "/data.ttl>");
        assertThat(json(r).get("message").asText()).contains("/api/imports");
        assertNothingFetched();
    }

    @Test
    void loadOfTheEmptyIriNeverRevealsTheWorkingDirectory() throws IOException {
        HttpResponse<String> r = update("LOAD <>");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain(System.getProperty("user.dir")).doesNotContain("file:");
        assertThat(update("LOAD <> INTO GRAPH <" + G + ">").body()).doesNotContain(System.getProperty("user.dir"));
    }

    @Test
    void serviceAnywhereInAnUpdateIsRefusedAndNothingIsFetched() throws IOException {
        String service = "SERVICE <" + outside + "/sparql> { ?s ?p ?o }";
        for (String where : List.of(service, "?s ?p ?o FILTER EXISTS { " + service + " }",
                "{ SELECT ?s ?p ?o WHERE { " + service + " } }", "GRAPH <" + G + "> { ?s ?p ?o } OPTIONAL { " + service + " }")) {
            assertRefused("INSERT { GRAPH <" + G + "> { ?s ?p ?o } } WHERE { " + where + " }", 400, "service-refused");
        }
        assertRefused("DELETE { GRAPH <" + G + "> { ?s ?p ?o } } WHERE { " + service + " }", 400, "service-refused");
        assertNothingFetched();
    }

    @Test
    void addMoveAndCopyInvolvingTheDefaultGraphGive400GraphRequired() throws IOException {
        for (String op : List.of("COPY DEFAULT TO <" + G + "-copy>", "COPY <" + G + "> TO DEFAULT", "ADD DEFAULT TO <" + G + "-copy>",
                "ADD <" + G + "> TO DEFAULT", "MOVE DEFAULT TO <" + G + "-copy>", "MOVE <" + G + "> TO DEFAULT",
                "COPY SILENT DEFAULT TO <" + G + "-copy>", "CLEAR DEFAULT", "DROP DEFAULT", "DROP ALL", "CLEAR NAMED",
                "DROP SILENT NAMED", "CLEAR ALL")) {
            assertRefused(op, 400, "graph-required");
        }
    }

    @Test
    void withUsingAndUsingNamedAreNeverDereferenced() throws IOException {
        String g = outside + "/graph";
        assertUnchanged("WITH <" + g + "> DELETE { ?s ?p ?o } INSERT { GRAPH <" + G + "> { ?s ?p ?o } } WHERE { ?s ?p ?o }");
        assertUnchanged("INSERT { GRAPH <" + G + "> { ?s ?p ?o } } USING <" + g + "> WHERE { ?s ?p ?o }");
        assertUnchanged("INSERT { GRAPH <" + G + "> { ?s ?p ?o } } USING NAMED <" + g + "> WHERE { GRAPH ?x { ?s ?p ?o } }");
        assertNothingFetched();
    }

    // ---- §5: copgraph's own graphs ----

    @Test
    void noWriteTouchesAMaintainedGraph() throws IOException {
        for (String g : List.of(META, CHANGES, METRICS)) {
            assertRefused("DROP GRAPH <" + g + ">", 403, "maintained-graph");
            assertRefused("CLEAR SILENT GRAPH <" + g + ">", 403, "maintained-graph");
            assertRefused("DELETE WHERE { GRAPH <" + g + "> { ?s ?p ?o } }", 403, "maintained-graph");
            assertRefused("INSERT DATA { GRAPH <" + g + "> { <urn:a> <urn:b> <urn:c> } }", 403, "maintained-graph");
            assertRefused("COPY <" + G + "> TO <" + g + ">", 403, "maintained-graph");
            assertRefused("MOVE <" + g + "> TO <" + G + "-copy>", 403, "maintained-graph");
        }
        server.settle();
        String before = store();
        String auth = "Bearer " + server.curator();
        String meta = "/data?graph=" + Http.enc(META);
        HttpResponse<String> put = server.http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + meta))
                .header("Content-Type", "text/turtle").header("Authorization", auth)
                .PUT(HttpRequest.BodyPublishers.ofString("<https://w3id.org/copgraph/graph/urbana-cordis> " + LABEL + " \"Hijacked\" .")).build());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(403);
        HttpResponse<String> delete = server.http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + meta))
                .header("Authorization", auth).DELETE().build());
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(server.http().post("/api/imports", "application/trig", "GRAPH <" + META + "> { <"
                + "https://w3id.org/copgraph/graph/urbana-cordis> " + LABEL + " \"Hijacked\" }", "Authorization", auth).statusCode())
                .as("an upload may describe only the graphs it carries").isEqualTo(403);
        assertThat(store()).isEqualTo(before);
    }

    @Test
    void nothingOfCopgraphsOwnCanBeCopiedIntoASourceGraph() throws IOException {
        String into = "INSERT { GRAPH <" + G + "-stolen> { ?s ?p ?o } } ";
        assertRefused("COPY DEFAULT TO <" + G + "-stolen>", 400, "graph-required");
        assertRefused(into + "WHERE { GRAPH <" + CHANGES + "> { ?s ?p ?o } }", 403, "maintained-graph");
        assertRefused(into + "USING <" + CHANGES + "> WHERE { ?s ?p ?o }", 403, "maintained-graph");
        assertRefused("WITH <" + META + "> INSERT { GRAPH <" + G + "-stolen> { ?s ?p ?o } } WHERE { ?s ?p ?o }", 403, "maintained-graph");
        // Through a variable, or from the default graph: the maintained graphs and the bookkeeping are not there.
        assertUnchanged(into + "WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g IN (<" + CHANGES + ">, <" + META + ">, <" + METRICS + ">)) }");
        assertUnchanged(into + "WHERE { ?s a <https://w3id.org/copgraph/ontology#Change> ; ?p ?o }");
        assertUnchanged(into + "WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"urn:copgraph:\")) }");
        assertUnchanged(into + "WHERE { ?s <http://purl.org/dc/terms/isVersionOf> ?o ; ?p ?x }");
        assertUnchanged("DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s a <https://w3id.org/copgraph/ontology#SourceGraph> ; ?p ?o } }");
    }

    @Test
    void anUploadMayDescribeTheGraphItCarries() throws IOException {
        String g = "https://w3id.org/copgraph/graph/described-upload";
        HttpResponse<String> r = server.http().post("/api/imports?mode=replace", "application/trig", """
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX prov: <http://www.w3.org/ns/prov#>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                GRAPH <%s> { <%s> a <https://w3id.org/copgraph/ontology#SourceGraph> ; dcterms:title "An upload" ;
                    dcterms:source <https://example.org/upload> ; prov:hadPrimarySource <https://example.org/upload> ;
                    prov:wasAttributedTo <https://w3id.org/copgraph/id/agent/copgraph-curators> ;
                    prov:generatedAtTime "2026-12-01T00:00:00Z"^^xsd:dateTime ;
                    <https://w3id.org/copgraph/ontology#retrievedOn> "2026"^^xsd:gYear }
                GRAPH <%s> { <https://w3id.org/copgraph/id/document/described> %s "Described" }
                """.formatted(META, g, g, LABEL), "Authorization", "Bearer " + server.curator());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("graphs").toString()).contains(META).contains(g);
        long others = server.cg().store().read(d -> org.apache.jena.atlas.iterator.Iter.count(
                d.find(NodeFactory.createURI(META), NodeFactory.createURI("https://w3id.org/copgraph/graph/urbana-cordis"), Node.ANY, Node.ANY)));
        assertThat(others).as("another source's description is left alone by a replacing upload").isPositive();
    }

    // ---- §5: changes that change nothing ----

    @Test
    void anUpdateThatChangesNothingSaysSoAndIsNotRecorded() throws IOException {
        long entries = changeLogEntries();
        long members = server.cg().harvest().stream().size();
        var modified = server.cg().store().lastModified();
        assertUnchanged("CLEAR SILENT GRAPH <https://w3id.org/copgraph/graph/never-there>");
        assertUnchanged("DROP SILENT GRAPH <https://w3id.org/copgraph/graph/never-there>");
        assertUnchanged("DELETE DATA { GRAPH <" + G + "> { <https://w3id.org/copgraph/id/document/policy-note> " + LABEL + " \"Absent\" } }");
        assertUnchanged("INSERT DATA { GRAPH <" + G + "> { <https://w3id.org/copgraph/id/document/policy-note> " + LABEL + " \"A note\" } }");
        assertUnchanged("LOAD SILENT <" + outside + "/data.ttl> INTO GRAPH <" + G + ">");
        assertUnchanged("LOAD SILENT <file:///etc/passwd>");
        assertNothingFetched();
        String auth = "Bearer " + server.curator();
        String graph = "/data?graph=" + Http.enc(G + "-put");
        String ttl = "<https://w3id.org/copgraph/id/document/put-note> " + LABEL + " \"Put\" ; <http://example.org/amount> \"1.00\"^^<http://www.w3.org/2001/XMLSchema#decimal> .";
        HttpRequest put = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + graph))
                .header("Content-Type", "text/turtle").header("Authorization", auth).PUT(HttpRequest.BodyPublishers.ofString(ttl)).build();
        HttpResponse<String> first = server.http().send(put);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).get("changed").asBoolean()).isTrue();
        entries = changeLogEntries();
        members = server.cg().harvest().stream().size();
        modified = server.cg().store().lastModified();
        server.settle();
        String before = store();
        HttpResponse<String> again = server.http().send(put);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("changed").asBoolean()).as(again.body()).isFalse();
        assertThat(store()).isEqualTo(before);
        assertThat(changeLogEntries()).isEqualTo(entries);
        assertThat(server.cg().harvest().stream().size()).isEqualTo(members);
        assertThat(server.cg().store().lastModified()).isEqualTo(modified);
    }
}
