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
}
