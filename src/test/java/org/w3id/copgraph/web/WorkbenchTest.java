package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.SeededServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class WorkbenchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final SeededServer server = new SeededServer();

    @Test
    void theOpenApiDocumentValidatesWithNoMessages() {
        HttpResponse<String> r = server.http().get("/api/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body());
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).containsKey("/api/queries/cop-members");
    }

    @Test
    void theOpenApiDocumentDescribesEveryQueryWithTypedParametersAndEnumerations() throws Exception {
        JsonNode doc = JSON.readTree(server.http().get("/api/openapi.json").body());
        JsonNode list = JSON.readTree(server.http().get("/api/queries").body());
        for (JsonNode q : list) {
            assertThat(doc.at("/paths").has("/api/queries/" + q.get("name").asText())).as(q.get("name").asText()).isTrue();
        }
        JsonNode domain = doc.at("/paths/~1api~1queries~1cops-by-domain/get/parameters/0");
        assertThat(domain.at("/name").asText()).isEqualTo("domain");
        assertThat(domain.at("/schema/format").asText()).isEqualTo("uri");
        assertThat(domain.at("/schema/enum").toString()).contains("https://w3id.org/copgraph/id/domain/municipal-transition");
        JsonNode min = null;
        for (JsonNode p : doc.at("/paths/~1api~1queries~1knowledge-brokers/get/parameters")) {
            if (p.path("name").asText().equals("min")) {
                min = p;
            }
        }
        assertThat(min).isNotNull();
        assertThat(min.at("/schema/type").asText()).isEqualTo("integer");
        assertThat(doc.at("/paths/~1api~1queries~1events/get/responses/200/headers").has("X-Copgraph-Data-Version")).isTrue();
    }

    @Test
    void swaggerUiIsServedFromTheJar() {
        HttpResponse<String> page = server.http().get("/api/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/api/openapi.json");
        Matcher m = Pattern.compile("src=\"(/webjars/[^\"]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        assertThat(server.http().get(m.group(1)).statusCode()).isEqualTo(200);
    }

    @Test
    void theEditorPageCarriesTheCuratedQueriesPrefixesAndItsAssets() {
        HttpResponse<String> page = server.http().get("/query-editor");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("cops-by-domain").contains("https://w3id.org/copgraph/ontology#")
                .doesNotContain("cdn.").doesNotContain("unpkg");
        for (String asset : new String[] {"/assets/yasgui/yasgui.min.js", "/assets/yasgui/yasgui.min.css",
                "/assets/workbench/editor.js"}) {
            assertThat(page.body()).contains(asset);
            assertThat(server.http().get(asset).statusCode()).as(asset).isEqualTo(200);
        }
    }

    @Test
    void assetsHaveTheirContentTypeAndNothingOutsideTheirFolderIsServed() {
        HttpResponse<String> js = server.http().get("/assets/yasgui/yasgui.min.js");
        assertThat(js.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(server.http().get("/assets/yasgui/yasgui.min.css").headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/css");
        assertThat(server.http().get("/assets/yasgui/nothing-here.js").statusCode()).isEqualTo(404);
        assertThat(server.http().get("/assets/workbench/%2e%2e/logback.xml").statusCode()).isEqualTo(404);
        assertThat(server.http().get("/webjars/../logback.xml").statusCode()).isEqualTo(404);
    }
}
