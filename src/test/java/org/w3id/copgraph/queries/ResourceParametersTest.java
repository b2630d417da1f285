package org.w3id.copgraph.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.SeededServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An IRI parameter names a resource the graph holds; a misspelt one is a 404 with close matches. */
class ResourceParametersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final SeededServer server = new SeededServer();

    @Test
    void anIriNamingNoResourceGives404WithCloseMatches() throws Exception {
        HttpResponse<String> r = server.http().get("/api/queries/cop-members?cop=/id/cop/urbanaa");
        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error").asText()).isEqualTo("no-such-resource");
        assertThat(body.get("message").asText()).contains("'cop'").contains("/id/cop/urbanaa").contains("/id/cop/urbana?");
        HttpResponse<String> full = server.http().get("/api/queries/cop-members?cop="
                + Http.enc("https://w3id.org/copgraph/id/cop/blsat"));
        assertThat(full.statusCode()).isEqualTo(404);
        assertThat(full.body()).contains("/id/cop/blast");
    }

    @Test
    void anIriWithNothingSimilarGives404PointingAtTheSearch() {
        HttpResponse<String> r = server.http().get("/api/queries/cop-members?cop=/id/cop/zzzzzzzzzzzz");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("search-by-label");
    }

    @Test
    void aBareSlugStandsForTheResourceOfTheParametersKind() {
        // Both /id/cop/urbana and /id/project/urbana exist: the parameter is named cop.
        HttpResponse<String> bySlug = server.http().get("/api/queries/cop-members?format=csv&cop=urbana");
        assertThat(bySlug.statusCode()).isEqualTo(200);
        HttpResponse<String> byPath = server.http().get("/api/queries/cop-members?format=csv&cop=/id/cop/urbana");
        assertThat(bySlug.body()).isEqualTo(byPath.body());
        assertThat(bySlug.body()).contains("Duncan Crowley");
    }

    @Test
    void aMisspeltSlugGives404WithCloseMatches() {
        HttpResponse<String> r = server.http().get("/api/queries/cop-members?cop=urbna");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("no-such-resource").contains("/id/cop/urbana");
    }

    @Test
    void anIriOfAResourceTheGraphHoldsStillAnswers() {
        assertThat(server.http().get("/api/queries/provenance?resource=/id/organisation/cultivate&format=csv").statusCode())
                .isEqualTo(200);
    }
}
