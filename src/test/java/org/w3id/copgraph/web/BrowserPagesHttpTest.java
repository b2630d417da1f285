package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.copgraph.SeededServer;

/** Every link a person follows answers a page with its heading; machines still get their formats. */
class BrowserPagesHttpTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @RegisterExtension
    static final SeededServer server = new SeededServer();

    @ParameterizedTest(name = "{0} answers a browser with the page \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "/|copgraph",
            "/.well-known/void|copgraph: a knowledge graph of Communities of Practice",
            "/dumps/|Dumps",
            "/ldes|Event stream of changes",
            "/ldes/0|Event stream, page 0",
            "/ldes/member/0|Event stream member 0",
            "/fragments|Triple pattern fragments",
            "/fragments?subject=https%3A%2F%2Fw3id.org%2Fcopgraph%2Fid%2Fcop%2Furbana|Triple pattern fragments",
            "/id/cop/urbana|UrbanA Community of Practice",
            "/ontology|copgraph",
            "/api/docs|Curated queries API",
            "/api/queries/no-such-query|404 · unknown-query",
    })
    void aBrowserGetsAPageWithOneHeadingInTheLayout(String path, String heading) {
        HttpResponse<String> r = server.http().get(path, "Accept", BROWSER);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
        String body = r.body();
        assertThat(body).as(path).contains("<html lang=\"en\">").contains("<nav aria-label=\"Site\">")
                .contains("<main id=\"main\">").contains("rel=\"icon\"");
        assertThat(body.split("<h1", -1)).as(path + ": one h1").hasSize(2);
        assertThat(body.substring(body.indexOf("<h1"))).as(path).contains(heading);
        assertThat(body).as(path + ": no inline style or handler").doesNotContain("<style").doesNotContain(" style=")
                .doesNotContainPattern(" on[a-z]+=\"");
    }

    @ParameterizedTest(name = "{0} still answers a machine with {1}")
    @CsvSource(delimiter = '|', value = {
            "/.well-known/void|text/turtle",
            "/ldes|text/turtle",
            "/ldes/0|text/turtle",
            "/ldes/member/0|text/turtle",
            "/fragments|application/trig",
            "/api/queries/no-such-query|application/json",
    })
    void aClientThatDoesNotAskForHtmlGetsWhatItGotBefore(String path, String type) {
        HttpResponse<String> r = server.http().get(path, "Accept", "*/*");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith(type);
    }

    @ParameterizedTest(name = "{0} with ?format=html is a page")
    @CsvSource({"/.well-known/void", "/ldes", "/fragments"})
    void formatHtmlAsksForThePage(String path) {
        HttpResponse<String> r = server.http().get(path + "?format=html");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    @org.junit.jupiter.api.Test
    void theFragmentsPageHasALabelledFormAndLinksToTheNextPage() {
        String body = server.http().get("/fragments", "Accept", BROWSER).body();
        for (String field : new String[] {"subject", "predicate", "object"}) {
            assertThat(body).contains("<label for=\"" + field + "\">").contains("id=\"" + field + "\" name=\"" + field + "\"");
        }
        assertThat(body).contains("href=\"/fragments?page=2\"").contains("<th scope=\"col\">Subject</th>");
    }

    @org.junit.jupiter.api.Test
    void theDumpsIndexLinksEveryDumpWithItsSizeAndLicence() {
        String body = server.http().get("/dumps/", "Accept", BROWSER).body();
        // The links are the dataset's download locations: on the public URL (main's VoID), here the test server's.
        assertThat(body).contains("/dumps/copgraph.nt.gz\">").contains("/dumps/copgraph.ttl\">")
                .contains("/dumps/copgraph.jsonld\">").contains("/dumps/copgraph.nq.gz\">")
                .contains("CC BY 4.0").containsPattern("[0-9.]+ (B|kB|MB)");
    }

    @org.junit.jupiter.api.Test
    void theStreamPageLinksItsMembersAndTheMemberItsResource() {
        String page = server.http().get("/ldes/0", "Accept", BROWSER).body();
        assertThat(page).contains("href=\"/ldes/member/0\"").contains("href=\"/ldes/1\"");
        String member = server.http().get("/ldes/member/0", "Accept", BROWSER).body();
        assertThat(member).containsPattern("A version of <a href=\"/(id|graph)/");
    }
}
