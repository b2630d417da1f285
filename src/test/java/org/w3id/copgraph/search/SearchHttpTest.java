package org.w3id.copgraph.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.WritableServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The explorer's Find box and the search-by-label curated query, over HTTP, on the text index. */
class SearchHttpTest {

    @RegisterExtension
    static final WritableServer server = new WritableServer("searcher");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Text that is Lucene syntax, or holds it: each must give results or a 400, never a 500. */
    private static final List<String> HOSTILE = List.of("\"", "\"transition", "*", "transit*", "AND", "transition AND",
            "AND OR NOT", "(", "(transition", "\\", "transition\\", "urban~2", "title:x", "[a TO z]", "+-&&||!^{}[]:/",
            "a".repeat(5000), "transition ".repeat(40), "\u0000", "%", "?", "l'orto");

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void theFindBoxFindsACopWrittenThroughTheUpdateEndpointByItsAlternativeName() throws Exception {
        HttpResponse<String> w = server.http().post("/update", "application/sparql-update", """
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/test> {
                  <https://w3id.org/copgraph/id/cop/orto-comune> a cop:CommunityOfPractice , <http://xmlns.com/foaf/0.1/Group> ,
                      <http://www.w3.org/ns/org#Organization> ;
                    rdfs:label "Orto Comune"@it ; skos:altLabel "Shared Kitchen Gardens"@en .
                } }""", "Authorization", "Bearer " + server.curator());
        assertThat(w.statusCode()).isEqualTo(200);
        HttpResponse<String> r = server.http().get("/api/network/search?q=" + Http.enc("kitchen garden") + "&limit=5");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get(0).get("iri").asText()).isEqualTo("https://w3id.org/copgraph/id/cop/orto-comune");
        assertThat(json(r).get(0).get("label").asText()).isEqualTo("Orto Comune");
    }

    @Test
    void theFindBoxStillFindsAResourceByItsSlug() throws Exception {
        HttpResponse<String> r = server.http().get("/api/network/search?q=urbana&limit=3");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get(0).get("iri").asText()).isEqualTo("https://w3id.org/copgraph/id/cop/urbana");
    }

    @Test
    void searchByLabelUsesTheIndexPrefixesAndAccents() throws Exception {
        HttpResponse<String> r = server.http().get("/api/queries/search-by-label?format=json&text=" + Http.enc("transit netw"));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode rows = json(r).get("results").get("bindings");
        assertThat(rows.size()).isPositive();
        rows.forEach(row -> assertThat(row.get("label").get("value").asText().toLowerCase()).contains("transition").contains("network"));
        HttpResponse<String> exact = server.http().get("/api/queries/search-by-label?format=json&text=" + Http.enc("Transition Network"));
        assertThat(json(exact).get("results").get("bindings").get(0).get("label").get("value").asText()).isEqualTo("Transition Network");
    }

    @Test
    void luceneSyntaxInTheTextGivesResultsOrA400NeverA500() throws Exception {
        for (String text : HOSTILE) {
            String q = Http.enc(text);
            for (String path : List.of("/api/network/search?q=" + q, "/api/queries/search-by-label?format=json&text=" + q)) {
                HttpResponse<String> r = server.http().get(path);
                assertThat(r.statusCode()).as(path).isIn(200, 400);
                if (r.statusCode() == 400) {
                    assertThat(json(r).get("message").asText()).as(path).isNotBlank();
                }
            }
        }
        assertThat(server.http().get("/api/network/search?q=" + Http.enc("(\" * \\ AND")).statusCode()).isEqualTo(400);
        assertThat(server.http().get("/api/network/search?q=" + Http.enc("transit*")).body()).contains("Transition");
    }
}
