package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.SeededServer;

/** Pages carry a Content-Security-Policy and the other security headers, and hold nothing inline it would block. */
class SecurityHeadersTest {

    private static final List<String> PAGES = List.of("/", "/explore", "/query-editor", "/api/docs", "/id/cop/urbana",
            "/graph/cff-session-3", "/ontology", "/no/such/page");
    private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

    @RegisterExtension
    static final SeededServer server = new SeededServer();

    @Test
    void htmlPagesCarryAPolicyThatAllowsOnlyThisServer() {
        for (String page : PAGES) {
            HttpResponse<String> r = server.http().get(page, "Accept", BROWSER);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(page).startsWith("text/html");
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(page).contains("script-src 'self'").contains("style-src 'self'")
                    .contains("frame-ancestors 'none'").contains("object-src 'none'").contains("base-uri 'self'")
                    .doesNotContain("unsafe-eval");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(page).contains("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(page).contains("strict-origin-when-cross-origin");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(page).contains("nosniff");
        }
    }

    @Test
    void everyResponseIsNotToBeSniffed() {
        for (String path : List.of("/health", "/sparql?query=" + org.w3id.copgraph.Http.enc("ASK {}"), "/api/queries",
                "/assets/explore.js", "/ldes", "/api/nothing")) {
            HttpResponse<String> r = server.http().get(path);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        }
    }

    /** What the policy blocks: script and style elements with content, style attributes, event-handler attributes. */
    @Test
    void pagesHoldNoInlineScriptOrStyle() {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/(ld\\+)?json\")[^>]*>");
        Pattern handler = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        for (String page : PAGES) {
            String html = server.http().get(page, "Accept", BROWSER).body();
            Matcher m = inlineScript.matcher(html);
            assertThat(m.find()).as(page + ": inline script " + (m.hitEnd() ? "" : m.group())).isFalse();
            assertThat(html).as(page).doesNotContain("<style").doesNotContain(" style=\"").doesNotContain("javascript:");
            assertThat(handler.matcher(html).find()).as(page + ": an on...= handler").isFalse();
        }
    }
}
