package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3id.copgraph.view.ErrorView;

class PagesTest {

    @Test
    void textFromDataIsEscaped() {
        String page = Pages.render("error", ErrorView.of(400, "bad-<code>", "Say <script>alert(1)</script> & go"));
        assertThat(page).contains("bad-&lt;code&gt;").contains("Say &lt;script&gt;alert(1)&lt;/script&gt; &amp; go")
                .doesNotContain("<script>");
    }

    @Test
    void everyPageHasOneLayoutWithLanguageNavigationAndTheStyleSheet() {
        String page = Pages.render("error", ErrorView.of(404, "not-found", "Nothing here."));
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">")
                .contains("<nav aria-label=\"Site\">").contains("<main id=\"main\">").contains("<footer>")
                .contains("href=\"/assets/site/copgraph.css\"").contains("rel=\"icon\"");
        assertThat(page.split("<h1", -1)).hasSize(2);
    }

    @Test
    void pagesCarryNoInlineStyleOrScript() {
        // A Content-Security-Policy of styles and scripts from 'self' would block them.
        String page = Pages.render("error", ErrorView.of(500, "internal-error", "Something went wrong."));
        assertThat(page).doesNotContain("<style").doesNotContain("style=").doesNotContain("<script")
                .doesNotContainPattern(" on[a-z]+=");
    }

    @Test
    void aMessageOfSeveralLinesIsSeveralParagraphs() {
        String page = Pages.render("error", ErrorView.of(400, "bad", "First line.\nSecond line."));
        assertThat(page).contains("<p>First line.</p>").contains("<p>Second line.</p>");
    }
}
