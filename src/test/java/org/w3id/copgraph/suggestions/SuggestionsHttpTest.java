package org.w3id.copgraph.suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.Server;

class SuggestionsHttpTest {

    private static Server server;
    private static Http http;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = Fixtures.server();
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aCopsSuggestionsAreJsonWithReasons() throws Exception {
        HttpResponse<String> r = http.get("/api/suggestions?cop=/id/cop/urbana&limit=2");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("subject").asText()).isEqualTo("https://w3id.org/copgraph/id/cop/urbana");
        assertThat(body.get("learnFrom").size()).isBetween(1, 2);
        JsonNode first = body.get("learnFrom").get(0);
        assertThat(first.get("direction").asText()).isEqualTo("LEARN_FROM");
        assertThat(first.get("reasons").get(0).get("sources").isArray()).isTrue();
    }

    @Test
    void missingOrMalformedParametersGive400() throws Exception {
        for (String q : new String[] {"", "?limit=3", "?cop=/id/cop/urbana&person=/id/person/duncan-crowley",
                "?cop=/id/cop/urbana&limit=x", "?cop=/id/cop/urbana&limit=0", "?cop=/id/cop/urbana&limit=51",
                "?cop=/id/cop/urbana&include=all", "?cop=/id/person/duncan-crowley", "?person=/id/cop/urbana"}) {
            HttpResponse<String> r = http.get("/api/suggestions" + q);
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("error").asText()).as(q).isNotBlank();
        }
    }

    @Test
    void unknownCopGives404() throws Exception {
        HttpResponse<String> r = http.get("/api/suggestions?cop=/id/cop/nowhere");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("unknown-cop");
    }

    @Test
    void aPersonGetsTheSuggestionsOfTheirCops() throws Exception {
        HttpResponse<String> r = http.get("/api/suggestions?person=/id/person/duncan-crowley");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("learnFrom").size()).isPositive();
    }

    @Test
    void theOpenApiDocumentDescribesSuggestions() throws Exception {
        JsonNode doc = JSON.readTree(http.get("/api/openapi.json").body());
        assertThat(doc.at("/paths/~1api~1suggestions/get/operationId").asText()).isEqualTo("suggestions");
    }
}
