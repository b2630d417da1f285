package org.w3id.copgraph.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.SeededServer;

/** {@code /cops} on the seed graph: three CoPs, a domain hierarchy, labels in English and Italian. */
class DirectoryHttpTest {

    @RegisterExtension
    static final SeededServer server = new SeededServer();

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(Http http, String path) {
        HttpResponse<String> r = http.get(path, "Accept", "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        try {
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> iris(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("cards").forEach(c -> out.add(c.get("iri").asText()));
        return out;
    }

    static JsonNode facetValue(JsonNode page, String facet, String value) {
        for (JsonNode v : page.at("/facets/" + facet + "/values")) {
            if (v.get("value").asText().equals(value)) {
                return v;
            }
        }
        return null;
    }

    @Test
    void everySeedCopIsACardLinkedToItsPage() {
        HttpResponse<String> r = server.http().get("/cops", "Accept", "text/html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("<a href=\"/id/cop/urbana\"", "<a href=\"/id/cop/blast\"",
                "<a href=\"/id/cop/municipalities-in-transition\"", "never reviewed", "<a href=\"/id/domain/municipal-transition\">",
                "<a href=\"/propose/cop\">Propose a CoP</a>");
        JsonNode page = json(server.http(), "/cops");
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(iris(page)).containsExactly("https://w3id.org/copgraph/id/cop/blast",
                "https://w3id.org/copgraph/id/cop/municipalities-in-transition", "https://w3id.org/copgraph/id/cop/urbana");
    }

    @Test
    void aNarrowerDomainCountsForItsBroaderOne() {
        JsonNode all = json(server.http(), "/cops");
        // municipal-transition is narrower than transition-movement, itself narrower than socio-ecological-transition.
        assertThat(facetValue(all, "domain", "socio-ecological-transition").get("count").asInt()).isEqualTo(3);
        assertThat(facetValue(all, "domain", "transition-movement").get("count").asInt()).isEqualTo(1);
        assertThat(iris(json(server.http(), "/cops?domain=transition-movement")))
                .containsExactly("https://w3id.org/copgraph/id/cop/municipalities-in-transition");
        assertThat(json(server.http(), "/cops?domain=socio-ecological-transition").get("total").asInt()).isEqualTo(3);
        // The IRI and the path on this host name the same value as the short key.
        assertThat(json(server.http(), "/cops?domain=" + Http.enc("https://w3id.org/copgraph/id/domain/transition-movement"))
                .get("total").asInt()).isEqualTo(1);
        assertThat(json(server.http(), "/cops?domain=" + Http.enc("/id/domain/transition-movement")).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void facetsNarrowAndCountWithinTheResults() {
        JsonNode page = json(server.http(), "/cops?org=transition-network");
        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(facetValue(page, "org", "ecolise").get("count").asInt()).isEqualTo(1);
        assertThat(facetValue(page, "org", "transition-network").get("selected").asBoolean()).isTrue();
        assertThat(facetValue(page, "domain", "urban-sustainability-and-justice")).isNull();
        // Two values of one facet: a CoP must have both.
        assertThat(json(server.http(), "/cops?org=ecolise&org=transition-network").get("total").asInt()).isEqualTo(1);
        assertThat(json(server.http(), "/cops?org=blast&org=transition-network").get("total").asInt()).isZero();
    }

    @Test
    void aWordOfADescriptionFindsTheCop() {
        // "Nicola Hillary" is named only in the description of the MiT CoP.
        JsonNode page = json(server.http(), "/cops?q=hillary");
        assertThat(iris(page)).containsExactly("https://w3id.org/copgraph/id/cop/municipalities-in-transition");
        assertThat(page.at("/query/sort").asText()).isEqualTo("relevance");
        assertThat(page.at("/cards/0/score").isNumber()).isTrue();
        assertThat(json(server.http(), "/cops?q=no-such-word-anywhere").get("total").asInt()).isZero();
    }

    @Test
    void aWordOfWhatACopNamesFindsItToo() {
        // "justice" is in the label of UrbanA's domain (and of its project), not in the CoP's own texts.
        assertThat(iris(json(server.http(), "/cops?q=justice"))).contains("https://w3id.org/copgraph/id/cop/urbana");
    }

    @Test
    void everyFacetLinkKeepsTheOtherFilters() {
        JsonNode page = json(server.http(), "/cops?q=transition&org=ecolise&size=5&sort=name&format=json");
        List<String> hrefs = new ArrayList<>();
        page.get("facets").forEach(f -> f.get("values").forEach(v -> hrefs.add(v.get("href").asText())));
        assertThat(hrefs).isNotEmpty().allSatisfy(h -> assertThat(h).startsWith("/cops?").contains("q=transition", "size=5",
                "sort=name", "format=json"));
        // Every link but the one that removes it keeps org=ecolise.
        assertThat(hrefs.stream().filter(h -> !h.contains("org=ecolise")).count()).isEqualTo(1);
        assertThat(page.at("/links/clearFilters").asText()).isEqualTo("/cops?q=transition&sort=name&size=5&format=json");
        assertThat(page.at("/links/clearSearch").asText()).isEqualTo("/cops?org=ecolise&size=5&format=json");
    }

    @Test
    void theJsonHasCardsFacetsAndPagingLinks() {
        JsonNode page = json(server.http(), "/cops?size=2");
        assertThat(page.fieldNames()).toIterable().contains("query", "total", "page", "size", "pages", "cards", "facets", "links");
        assertThat(page.get("pages").asInt()).isEqualTo(2);
        assertThat(page.get("cards")).hasSize(2);
        JsonNode card = page.at("/cards/0");
        assertThat(card.fieldNames()).toIterable().contains("iri", "href", "name", "description", "domains", "practices", "tools",
                "organisations", "places", "meets", "languages", "status", "lastReviewed", "freshness");
        assertThat(page.get("facets").fieldNames()).toIterable()
                .containsExactly("domain", "kind", "tool", "org", "place", "online", "lang", "status", "fresh");
        assertThat(page.at("/links/next").asText()).isEqualTo("/cops?size=2&page=2");
        assertThat(page.at("/links/prev").isNull()).isTrue();
        JsonNode second = json(server.http(), page.at("/links/next").asText());
        assertThat(second.get("cards")).hasSize(1);
        assertThat(second.at("/links/prev").asText()).isEqualTo("/cops?size=2");
        // ?format=json answers JSON to a browser's Accept too.
        HttpResponse<String> r = server.http().get("/cops?format=json", "Accept", "text/html,*/*;q=0.8");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void theSearchFormIsAPlainGetThatKeepsTheFilters() {
        String html = server.http().get("/cops?org=ecolise&sort=reviewed", "Accept", "text/html").body();
        assertThat(html).contains("<form class=\"directory-search\" method=\"get\" action=\"/cops\"",
                "<input type=\"hidden\" name=\"org\" value=\"ecolise\">", "<input type=\"hidden\" name=\"sort\" value=\"reviewed\">");
        assertThat(html).doesNotContain("<script");
        // What the form sends, an empty search box included.
        HttpResponse<String> r = server.http().get("/cops?q=&org=ecolise&sort=reviewed", "Accept", "text/html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("3 CoPs match the filters below.");
        assertThat(server.http().get("/cops?q=blast&org=ecolise", "Accept", "text/html").body())
                .contains("value=\"blast\"", "/id/cop/blast");
    }

    @Test
    void theHomePageStartsWithTheDirectoryAndTheNavLinksIt() {
        String home = server.http().get("/", "Accept", "text/html").body();
        assertThat(home.indexOf("action=\"/cops\"")).isPositive().isLessThan(home.indexOf("id=\"figures\""));
        assertThat(home).contains("<li><a href=\"/cops\">Directory</a></li>");
    }

    @Test
    void theOpenApiDescriptionDocumentsTheDirectory() {
        JsonNode doc = json(server.http(), "/api/openapi.json");
        JsonNode op = doc.at("/paths/~1cops/get");
        assertThat(op.get("operationId").asText()).isEqualTo("directory");
        List<String> params = new ArrayList<>();
        op.get("parameters").forEach(p -> params.add(p.get("name").asText()));
        assertThat(params).contains("q", "domain", "kind", "tool", "org", "place", "online", "lang", "status", "fresh", "sort", "page",
                "size", "hl", "format");
        // The curated queries are still all there.
        assertThat(doc.at("/paths").has("/api/queries")).isTrue();
    }

    @Test
    void labelsComeInTheLanguageAskedForWithTheSameData() {
        JsonNode it = json(server.http(), "/cops?hl=it");
        JsonNode en = json(server.http(), "/cops");
        assertThat(facetValue(it, "domain", "socio-ecological-transition").get("label").asText()).isEqualTo("transizione socio-ecologica");
        assertThat(facetValue(en, "domain", "socio-ecological-transition").get("label").asText()).isEqualTo("socio-ecological transition");
        assertThat(iris(it)).containsExactlyInAnyOrderElementsOf(iris(en));
        // No Italian name for a CoP: the English one stands in.
        assertThat(it.at("/cards/0/name").asText()).isEqualTo(en.at("/cards/0/name").asText());
        JsonNode byHeader = server.http().get("/cops", "Accept", "application/json", "Accept-Language", "it-IT,it;q=0.9,en;q=0.5")
                .body().contains("transizione socio-ecologica") ? it : null;
        assertThat(byHeader).isNotNull();
        assertThat(server.http().get("/cops?hl=it", "Accept", "text/html").body()).contains("Etichette in:", "hreflang=\"en\"");
    }

    @Test
    void aFacetValueNoCopHasFindsNothingAndSaysSo() {
        JsonNode page = json(server.http(), "/cops?domain=no-such-domain&status=no-such-status");
        assertThat(page.get("total").asInt()).isZero();
        assertThat(page.get("cards")).isEmpty();
        String html = server.http().get("/cops?domain=no-such-domain", "Accept", "text/html").body();
        assertThat(html).contains("No CoP matches", "<strong>no-such-domain</strong>", "Clear all filters");
    }

    @Test
    void aPagePastTheLastIsEmptyNotAnError() {
        JsonNode page = json(server.http(), "/cops?page=99");
        assertThat(page.get("cards")).isEmpty();
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.at("/links/last").asText()).isEqualTo("/cops");
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=-1", "page=0", "page=abc", "page=99999999999999999999", "size=1000000000", "size=0", "size=-5",
        "size=x", "sort=cheapest", "fresh=yesterday", "online=maybe", "hl=%3Cscript%3E", "status=a&status=b", "q=a&q=b"})
    void aBadParameterIsA400ThatSaysWhatIsAllowed(String query) {
        HttpResponse<String> r = server.http().get("/cops?" + query, "Accept", "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"error\":\"bad-parameter\"").doesNotContain("Exception", "org.w3id");
        HttpResponse<String> page = server.http().get("/cops?" + query, "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("<html");
    }

    @Test
    void aHugeSearchTextIsA400() {
        HttpResponse<String> r = server.http().get("/cops?q=" + "word+".repeat(300), "Accept", "application/json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("'q' is at most");
        // Past the server's limit on the request line the answer is a 414, still no 500.
        assertThat(server.http().get("/cops?q=" + "word+".repeat(3000), "Accept", "application/json").statusCode()).isEqualTo(414);
    }

    @Test
    void oddButHarmlessInputFindsNothingOrEverything() {
        for (String q : List.of("%22%3Cscript%3E%22", "*", "a%20OR%20b", "%E2%9C%93", "%F0%9F%8C%B1", "title:x", "((")) {
            HttpResponse<String> r = server.http().get("/cops?q=" + q, "Accept", "application/json");
            assertThat(r.statusCode()).as(q + ": " + r.body()).isIn(200, 400);
        }
        assertThat(server.http().get("/cops?unknown=1&more=nothing", "Accept", "application/json").statusCode()).isEqualTo(200);
    }
}
