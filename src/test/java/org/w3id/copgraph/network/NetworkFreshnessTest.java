package org.w3id.copgraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.WritableServer;

/** What a curator has just written is in the network the next request reads, not ten seconds later. */
class NetworkFreshnessTest {

    @RegisterExtension
    static final WritableServer server = new WritableServer("freshness-curator");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCopAndALinkWrittenThroughUpdateAreInTheNetworkAtOnce() throws Exception {
        // The network is built before the write, so a stale one is there to be served.
        HttpResponse<String> before = server.http().get("/api/network/neighbourhood?focus=/id/cop/urbana");
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);

        HttpResponse<String> w = server.http().post("/update", "application/sparql-update", """
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/freshness> {
                  <https://w3id.org/copgraph/id/cop/just-written> a cop:CommunityOfPractice , <http://xmlns.com/foaf/0.1/Group> ,
                      <http://www.w3.org/ns/org#Organization> ; rdfs:label "Just Written CoP"@en ;
                    cop:crossPollinatedBy <https://w3id.org/copgraph/id/cop/urbana> .
                } }""", "Authorization", "Bearer " + server.curator());
        assertThat(w.statusCode()).as(w.body()).isEqualTo(200);

        HttpResponse<String> paths = server.http().get("/api/network/paths?from=/id/cop/just-written&to=/id/cop/urbana");
        assertThat(paths.statusCode()).as(paths.body()).isEqualTo(200);
        assertThat(JSON.readTree(paths.body()).at("/paths/0/hops/0/reasons").findValuesAsText("kind")).contains("cross-pollination");

        HttpResponse<String> around = server.http().get("/api/network/neighbourhood?focus=/id/cop/just-written");
        assertThat(around.statusCode()).as(around.body()).isEqualTo(200);
        JsonNode nodes = JSON.readTree(around.body()).at("/elements/nodes");
        assertThat(nodes.findValuesAsText("label")).contains("Just Written CoP", "UrbanA Community of Practice");
    }

    @Test
    void aNewLinkBetweenKnownResourcesIsInTheirNeighbourhoodAtOnce() throws Exception {
        HttpResponse<String> before = server.http().get("/api/network/neighbourhood?focus=/id/cop/blast");
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        assertThat(JSON.readTree(before.body()).at("/elements/nodes").findValuesAsText("label")).doesNotContain("Fresh Practice");

        HttpResponse<String> w = server.http().post("/update", "application/sparql-update", """
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/freshness-2> {
                  <https://w3id.org/copgraph/id/practice/fresh-practice> a cop:Practice ; rdfs:label "Fresh Practice"@en .
                  <https://w3id.org/copgraph/id/cop/blast> cop:hasPractice <https://w3id.org/copgraph/id/practice/fresh-practice> .
                } }""", "Authorization", "Bearer " + server.curator());
        assertThat(w.statusCode()).as(w.body()).isEqualTo(200);

        HttpResponse<String> after = server.http().get("/api/network/neighbourhood?focus=/id/cop/blast");
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(JSON.readTree(after.body()).at("/elements/nodes").findValuesAsText("label")).contains("Fresh Practice");
    }

    @Test
    void aChangeReachesTheNetworkFromItsDeltaWithoutReadingTheStoreAgain() throws Exception {
        Network network = server.cg().network();
        HttpResponse<String> before = server.http().get("/api/network/neighbourhood?focus=/id/cop/urbana");
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        long reads = network.storeReads();
        long deltas = network.deltasApplied();

        HttpResponse<String> w = server.http().post("/update", "application/sparql-update", """
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/freshness-3> {
                  <https://w3id.org/copgraph/id/practice/delta-practice> a cop:Practice ; rdfs:label "Delta Practice"@en .
                  <https://w3id.org/copgraph/id/cop/urbana> cop:hasPractice <https://w3id.org/copgraph/id/practice/delta-practice> .
                } }""", "Authorization", "Bearer " + server.curator());
        assertThat(w.statusCode()).as(w.body()).isEqualTo(200);

        HttpResponse<String> after = server.http().get("/api/network/paths?from=/id/practice/delta-practice&to=/id/cop/urbana&k=1");
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(JSON.readTree(after.body()).at("/paths/0/hops").size()).isEqualTo(1);
        assertThat(network.deltasApplied()).isEqualTo(deltas + 1);
        assertThat(network.storeReads()).as("no full read of the store").isEqualTo(reads);
    }

    @Test
    void theFactsMadeFromADeltaAreTheFactsReadFromTheStore() throws Exception {
        Network network = server.cg().network();
        network.awaitSnapshot();
        HttpResponse<String> w = server.http().post("/update", "application/sparql-update", """
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                PREFIX org: <http://www.w3.org/ns/org#>
                DELETE WHERE { GRAPH ?g { <https://w3id.org/copgraph/id/cop/urbana> cop:domain ?d } } ;
                INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/freshness-4> {
                  <https://w3id.org/copgraph/id/person/delta-person> a <http://xmlns.com/foaf/0.1/Person> ;
                      <http://www.w3.org/2000/01/rdf-schema#label> "Delta Person"@en ; <http://xmlns.com/foaf/0.1/name> "Delta Person" ;
                      org:memberOf <https://w3id.org/copgraph/id/cop/urbana> .
                } }""", "Authorization", "Bearer " + server.curator());
        assertThat(w.statusCode()).as(w.body()).isEqualTo(200);

        Facts fromDelta = network.awaitSnapshot().facts();
        Facts fromStore = new FactsReader(server.cg().store(), 60_000).read();
        assertThat(described(fromDelta)).containsExactlyInAnyOrderElementsOf(described(fromStore));
        assertThat(fromDelta.nodes()).isEqualTo(fromStore.nodes());
    }

    private static java.util.List<String> described(Facts facts) {
        return facts.links().stream().map(l -> l.from() + " " + l.kind() + " " + l.to() + " " + l.directed() + " " + l.reason().text()
                + " " + l.reason().date() + " " + l.reason().sources()).toList();
    }

    @Test
    void aNeighbourhoodAfterAChangeNamesTheVersionOfItsMetricsAndTheyCatchUp() throws Exception {
        HttpResponse<String> before = server.http().get("/api/network/neighbourhood?focus=/id/cop/blast&projection=all");
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        String versionBefore = JSON.readTree(before.body()).get("metricsVersion").asText();

        HttpResponse<String> w = server.http().post("/update", "application/sparql-update", """
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/freshness-4> {
                  <https://w3id.org/copgraph/id/cop/blast> cop:crossPollinatedBy <https://w3id.org/copgraph/id/cop/urbana> .
                } }""", "Authorization", "Bearer " + server.curator());
        assertThat(w.statusCode()).as(w.body()).isEqualTo(200);
        String now = String.valueOf(server.cg().store().lastModified());

        // The change is in the very next answer; its metrics are the ones before or already the new ones.
        HttpResponse<String> after = server.http().get("/api/network/neighbourhood?focus=/id/cop/blast&projection=all");
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(after.body());
        assertThat(body.at("/elements/nodes").findValuesAsText("label")).contains("UrbanA Community of Practice");
        assertThat(body.get("metricsVersion").asText()).isIn(versionBefore, now);

        // Computed in the background meanwhile, once requests leave it a moment (background work
        // yields to them): a later answer has the new ones.
        long deadline = System.nanoTime() + 30_000_000_000L;
        String seen = body.get("metricsVersion").asText();
        while (!seen.equals(now) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            seen = JSON.readTree(server.http().get("/api/network/neighbourhood?focus=/id/cop/blast&projection=all").body())
                    .get("metricsVersion").asText();
        }
        assertThat(seen).isEqualTo(now);
    }
}
