package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.SeededServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class WebAppTest {

    @RegisterExtension
    static final SeededServer server = new SeededServer();

    @Test
    void healthReportsStatusAndTripleCount() throws Exception {
        HttpResponse<String> r = server.http().get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("triples").asLong()).isEqualTo(Fixtures.seeded().store().tripleCount());
    }

    @Test
    void homePageShowsCountsAndLinks() {
        HttpResponse<String> r = server.http().get("/", "Accept", "text/html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("Communities of practice").contains("href=\"/sparql\"")
                .contains("href=\"/api/queries\"").contains("cop-members");
    }

    @Test
    void everyLinkOnTheHomePageAnswers() {
        String page = server.http().get("/", "Accept", "text/html").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"(/[^\"]*)\"").matcher(page);
        java.util.List<String> links = new java.util.ArrayList<>();
        while (m.find()) {
            links.add(m.group(1).replace("&amp;", "&"));
        }
        assertThat(links).hasSizeGreaterThan(20);
        for (String link : links) {
            assertThat(server.http().get(link, "Accept", "text/html,*/*;q=0.8").statusCode()).as(link).isLessThan(400);
        }
    }

    @Test
    void unknownPathGivesTheErrorShapeAsJson() throws Exception {
        HttpResponse<String> r = server.http().get("/no/such/page", "Accept", "application/json");
        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("error").asText()).isEqualTo("not-found");
    }

    @Test
    void unknownPathGivesAReadablePageToBrowsers() {
        HttpResponse<String> r = server.http().get("/no/such/page", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("<h1>404").contains("href=\"/\"");
    }

    @Test
    void apiErrorsGiveBrowsersTheReadablePageAndClientsJson() {
        HttpResponse<String> page = server.http().get("/api/queries/no-such-query", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<h1>404");
        HttpResponse<String> json = server.http().get("/api/queries/no-such-query");
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.body()).startsWith("{\"status\":404");
    }

    @Test
    void theFaviconIsServed() {
        HttpResponse<String> r = server.http().get("/favicon.ico");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(server.http().get("/assets/site/copgraph.css").statusCode()).isEqualTo(200);
    }
}
