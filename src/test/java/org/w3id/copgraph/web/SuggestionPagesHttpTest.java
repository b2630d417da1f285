package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.Server;
import org.w3id.copgraph.store.Store;

/**
 * Suggestions where people see them: a CoP's page lists whom it could learn from and could help,
 * each with what could move and the reasons (with links and sources), marked as computed; the
 * network API lists suggested links only when asked for. On the seed graph plus one made-up CoP
 * that nothing links yet (src/test/resources/suggestions/riverside-cop.trig).
 */
class SuggestionPagesHttpTest {

    static final String RIVERSIDE = "https://w3id.org/copgraph/id/cop/riverside-food";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Copgraph cg;
    private static Server app;
    private static Http http;

    @BeforeAll
    static void start() {
        cg = Copgraph.on(Fixtures.settings(), Store.inMemory());
        cg.loader().loadSeedIfEmpty();
        cg.store().write(d -> RDFDataMgr.read(d, "src/test/resources/suggestions/riverside-cop.trig"));
        app = Server.start(cg);
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.stop();
        cg.close();
    }

    private static String page(String path) {
        HttpResponse<String> r = http.get(path, "Accept", "text/html");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** The part of {@code html} from the element with id {@code from} to the one with id {@code to}. */
    private static String between(String html, String from, String to) {
        int a = html.indexOf("id=\"" + from + "\"");
        int b = html.indexOf("id=\"" + to + "\"", a);
        assertThat(a).as("id " + from + " in " + html).isPositive();
        return html.substring(a, b < 0 ? html.length() : b);
    }

    /** The page's section of suggestions. */
    private static String section(String html) {
        int a = html.indexOf("<section class=\"suggestions\"");
        assertThat(a).as("a section of suggestions in " + html).isPositive();
        return html.substring(a, html.indexOf("</section>", a));
    }

    /** The list item (of an ordered list of suggestions) that names {@code href}. */
    private static String item(String list, String href) {
        int at = list.indexOf("href=\"" + href + "\"");
        assertThat(at).as(href + " in " + list).isPositive();
        int start = list.lastIndexOf("<li><p>", at);
        int end = list.indexOf("</ul></li>", at);
        return list.substring(start, end);
    }

    @Test
    void copPageShowsCouldLearnFromWithReasons() {
        String html = page("/id/cop/riverside-food");
        String learn = between(html, "could-learn-from", "could-help");
        assertThat(learn).contains("<ol class=\"suggestion-list\">");
        // UrbanA, which works on the same domain and shares a member, is among them, as a link.
        String urbana = item(learn, "/id/cop/urbana");
        // Each reason is a sentence, with the resources it rests on and its source graphs as links.
        assertThat(urbana).contains("<ul class=\"reasons\">", "(through <a href=\"/id/", "Source: <a href=\"/graph/",
                "Duncan Crowley");
        // And the other way round: UrbanA's page says it could help Riverside.
        assertThat(between(page("/id/cop/urbana"), "could-help", "suggestions-end")).contains("href=\"/id/cop/riverside-food\"");
        // Every resource shown is a link to its page here.
        assertThat(section(html)).doesNotContain("href=\"\"", "href=\"https://w3id.org/");
    }

    @Test
    void suggestionsAreMarkedAsSuggested() throws Exception {
        String html = page("/id/cop/riverside-food");
        String section = section(html);
        assertThat(section).contains("class=\"suggested-note\"", "Computed suggestions", "evidence status: <em>suggested</em>",
                "no source states them");
        // The same suggestions as JSON, and in the explorer with the suggested links turned on.
        java.util.regex.Matcher json = java.util.regex.Pattern.compile("href=\"(/api/suggestions\\?cop=[^\"]+)\"").matcher(section);
        assertThat(json.find()).isTrue();
        JsonNode body = JSON.readTree(http.get(json.group(1).replace("&amp;", "&")).body());
        assertThat(body.get("subject").asText()).isEqualTo(RIVERSIDE);
        assertThat(body.get("learnFrom").findValuesAsText("cop")).contains("https://w3id.org/copgraph/id/cop/urbana");
        assertThat(section).containsPattern("href=\"/explore\\?focus=[^\"]*riverside-food[^\"]*suggested\"");

        // The published suggestions carry the suggested status, and the network lists them only when asked for.
        cg.suggestionsGraph().refreshIfStale();
        String around = "/api/network/neighbourhood?focus=/id/cop/riverside-food&projection=all";
        assertThat(JSON.readTree(http.get(around).body()).at("/elements/edges").findValuesAsText("evidence")).doesNotContain("suggested");
        JsonNode asked = JSON.readTree(http.get(around + "&kinds=suggested").body()).at("/elements/edges");
        assertThat(asked.findValuesAsText("evidence")).isNotEmpty().containsOnly("suggested");
        assertThat(asked.findValues("kinds")).allSatisfy(k -> assertThat(k.toString()).isEqualTo("[\"suggested\"]"));
        JsonNode whole = JSON.readTree(http.get("/api/network/export.json?projection=all&kinds=suggested").body());
        assertThat(whole.at("/elements/edges").findValuesAsText("evidence")).contains("suggested");
        assertThat(JSON.readTree(http.get("/api/network/export.json?projection=all").body()).at("/elements/edges")
                .findValuesAsText("evidence")).doesNotContain("suggested");
    }

    @Test
    void aPersonPageListsTheIntroductionsTheyCouldMake() {
        String section = section(page("/id/person/duncan-crowley"));
        assertThat(section).contains("introductions Duncan Crowley could make", "href=\"/api/suggestions?person=");
    }
}
