package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.maps.PlacesServer;

/** The widgets for partners' sites under /embed/, and oEmbed, without JavaScript. */
class EmbedHttpTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final PlacesServer server = new PlacesServer();

    @Test
    void embedPagesMayBeFramedAndOthersMayNot() {
        for (String path : List.of("/embed/cop/brescia-gardeners", "/embed/cops?online=yes", "/embed/query/ecosystem-overview",
                "/embed/network?focus=/id/cop/urbana", "/embed/map")) {
            HttpResponse<String> r = server.http().get(path, "Accept", BROWSER);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).as(path)
                    .contains("frame-ancestors *").contains("script-src 'self'");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).isEmpty();
            assertThat(r.body()).as(path).contains("Powered by copgraph").doesNotContain("aria-label=\"Site\"");
        }
        for (String path : List.of("/", "/cops", "/map", "/id/cop/brescia-gardeners", "/explore", "/oembed?url=x",
                "/embedded", "/api/queries/ecosystem-overview")) {
            HttpResponse<String> r = server.http().get(path, "Accept", BROWSER);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).as(path).contains("frame-ancestors 'none'");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
        }
    }

    @Test
    void embedCopCardShowsTheCop() {
        HttpResponse<String> r = server.http().get("/embed/cop/brescia-gardeners", "Accept", BROWSER);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Brescia Gardeners").contains("swap seeds").contains("Piazza della Loggia, Brescia")
                .contains("href=\"/id/cop/brescia-gardeners\"").contains("<base target=\"_blank\">").doesNotContain("<script");
        assertThat(server.http().get("/embed/cop/no-such-cop", "Accept", BROWSER).statusCode()).isEqualTo(404);
    }

    @Test
    void embedQueryShowsTheResultTable() {
        HttpResponse<String> r = server.http().get("/embed/query/cops-with-domains", "Accept", BROWSER);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<table class=\"answer\">").contains("<th scope=\"col\">").contains("Brescia Gardeners")
                .contains("href=\"/api/queries/cops-with-domains\"");
        assertThat(server.http().get("/embed/query/no-such-query", "Accept", BROWSER).statusCode()).isEqualTo(404);
    }

    @Test
    void oembedAnswersRichTypeForACopPage() throws Exception {
        String page = server.url("/id/cop/brescia-gardeners");
        HttpResponse<String> r = server.http().get("/oembed?url=" + Http.enc(page) + "&maxwidth=300&format=json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode o = JSON.readTree(r.body());
        assertThat(o.path("version").asText()).isEqualTo("1.0");
        assertThat(o.path("type").asText()).isEqualTo("rich");
        assertThat(o.path("title").asText()).isEqualTo("Brescia Gardeners");
        assertThat(o.path("width").asInt()).isEqualTo(300);
        assertThat(o.path("height").asInt()).isPositive();
        assertThat(o.path("html").asText()).startsWith("<iframe src=\"" + server.url("/embed/cop/brescia-gardeners") + "\"")
                .contains("width=\"300\"");
        assertThat(server.http().get("/oembed?url=" + Http.enc(page) + "&format=xml").statusCode()).isEqualTo(501);

        // Discovery: the CoP's page names that endpoint, and offers the snippet.
        String html = server.http().get("/id/cop/brescia-gardeners", "Accept", BROWSER).body();
        assertThat(html).contains("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"/oembed?url=" + Http.enc(page)
                .replace("&", "&amp;")).contains("Embed this").contains("&lt;iframe src=");
        for (String p : List.of("/cops", "/explore?focus=/id/cop/urbana", "/api/queries/ecosystem-overview")) {
            assertThat(server.http().get(p, "Accept", BROWSER).body()).as(p).contains("application/json+oembed").contains("Embed this");
        }
    }

    @Test
    void oembedRefusesForeignUrls() {
        for (String url : List.of("https://example.org/id/cop/brescia-gardeners", server.url("/health"), server.url("/id/person/x"),
                server.url("/id/cop/no-such-cop"), "not a url", "http://localhost:" + server.port() + "@example.org/cops")) {
            assertThat(server.http().get("/oembed?url=" + Http.enc(url)).statusCode()).as(url).isEqualTo(404);
        }
        assertThat(server.http().get("/oembed").statusCode()).isEqualTo(400);
    }

    @Test
    void configuredTilesMayBeShownOnMapPagesOnly() {
        String tiles = org.w3id.copgraph.maps.Tiles.of("https://{s}.tile.example.org/{z}/{x}/{y}.png", "© Example").origin();
        assertThat(SecurityHeaders.policyFor("/map", " " + tiles)).contains("img-src 'self' data: https://*.tile.example.org;")
                .contains("frame-ancestors 'none'");
        assertThat(SecurityHeaders.policyFor("/embed/map", " " + tiles)).contains("https://*.tile.example.org")
                .contains("frame-ancestors *");
        assertThat(SecurityHeaders.policyFor("/cops", " " + tiles)).doesNotContain("example.org");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.w3id.copgraph.maps.Tiles.of("https://a.org; script-src *", null))
                .isInstanceOf(org.w3id.copgraph.Problem.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.w3id.copgraph.maps.Tiles.of("file:///etc/{z}.png", null))
                .isInstanceOf(org.w3id.copgraph.Problem.class);
    }
}
