package org.w3id.copgraph.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.SeededServer;

/** /api/queries for a person: the catalogue with typed forms, answers as tables, the editor link. */
class CataloguePageTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    /** Inline script, inline style and event-handler attributes: what a CSP of 'self' refuses. */
    private static final Pattern INLINE = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|<style|\\sstyle=|\\son[a-z]+=");

    @RegisterExtension
    static final SeededServer server = new SeededServer();

    @Test
    void theCatalogueIsAPageForABrowserWithAFormPerQuery() {
        HttpResponse<String> r = server.http().get("/api/queries", "Accept", HTML);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String page = r.body();
        assertThat(page).contains("<h1>Curated queries</h1>")
                .contains("Communities of practice with their domains")
                .contains("action=\"/api/queries/cops-by-domain\"")
                // an enumeration is a picker of the graph's values
                .containsPattern("<select id=\"cops-by-domain-domain\" name=\"domain\"[^>]*>")
                .contains("value=\"https://w3id.org/copgraph/id/domain/municipal-transition\"")
                // a date is a date input, an integer a number, a boolean a yes/no picker
                .containsPattern("<input id=\"events-since\" name=\"since\" type=\"date\"")
                .containsPattern("<input id=\"knowledge-brokers-min\" name=\"min\" type=\"number\" value=\"2\" step=\"1\"")
                .contains("<option value=\"true\">yes</option>")
                // an IRI is text, with the kind of resource it names
                .contains("a community of practice: /id/cop/urbana")
                .contains("/query-editor?curated=cop-members");
        assertThat(INLINE.matcher(page).find()).as("inline script or style").isFalse();
    }

    @Test
    void machinesStillGetTheJsonList() {
        HttpResponse<String> r = server.http().get("/api/queries", "Accept", "application/json");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.body()).startsWith("[");
        assertThat(server.http().get("/api/queries").body()).startsWith("[");
    }

    @Test
    void anAnswerIsATableWhoseIrisOpenTheirLocalPage() {
        HttpResponse<String> r = server.http().get("/api/queries/cop-members?cop=/id/cop/urbana", "Accept", HTML);
        assertThat(r.statusCode()).isEqualTo(200);
        String page = r.body();
        assertThat(page).contains("<table class=\"answer\">")
                .contains("<th scope=\"col\">memberLabel</th>")
                .contains("<a href=\"/id/person/duncan-crowley\">https://w3id.org/copgraph/id/person/duncan-crowley</a>")
                .contains("Duncan Crowley")
                .contains("format=csv").contains("format=json")
                .contains("/query-editor?curated=cop-members&amp;cop=" + Http.enc("https://w3id.org/copgraph/id/cop/urbana"));
        assertThat(INLINE.matcher(page).find()).isFalse();
        // The same address for a machine: the SPARQL results as before.
        assertThat(server.http().get("/api/queries/cop-members?cop=/id/cop/urbana").body()).contains("\"bindings\"");
        // Its CSV link answers CSV.
        assertThat(server.http().get("/api/queries/cop-members?cop=" + Http.enc("https://w3id.org/copgraph/id/cop/urbana")
                + "&format=csv&limit=1000&offset=0").body()).contains("Duncan Crowley");
    }

    @Test
    void theFormsArgumentsComeBackFilledIn() {
        String page = server.http().get("/api/queries/knowledge-brokers?min=1&copsOnly=true", "Accept", HTML).body();
        assertThat(page).containsPattern("name=\"min\" type=\"number\" value=\"1\"")
                .contains("<option value=\"true\" selected>yes</option>")
                .contains("Pedro Macedo");
    }

    @Test
    void aMisspeltResourceIsAReadableErrorPageForABrowser() {
        HttpResponse<String> r = server.http().get("/api/queries/cop-members?cop=/id/cop/urbanaa", "Accept", HTML);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("no-such-resource").contains("/id/cop/urbana?");
    }

    @Test
    void theEditorOpensACuratedQueryWithItsArgumentsAndNoParameterVariables() {
        HttpResponse<String> r = server.http().get("/query-editor?curated=cop-members&cop=/id/cop/blast", "Accept", HTML);
        assertThat(r.statusCode()).isEqualTo(200);
        String page = r.body();
        assertThat(page).contains("data-workbench=").contains("&#34;open&#34;").contains("&lt;https://w3id.org/copgraph/id/cop/blast>")
                .doesNotContain("?_cop_iri").doesNotContain("?__");
        assertThat(INLINE.matcher(page).find()).isFalse();
    }
}
