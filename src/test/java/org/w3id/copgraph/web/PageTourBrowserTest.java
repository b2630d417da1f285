package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.w3id.copgraph.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.copgraph.Fixtures;

/**
 * A person's tour of copgraph in headless Chromium: every page in the navigation and every page
 * type, each checked for what a reader sees (its heading and its content), for no errors in the
 * browser console, and with axe-core (npm, installed by .ci/run into .ci/axe) for no serious or
 * critical accessibility violation. Screenshots go to target/screenshots/tour-*.png for review.
 */
class PageTourBrowserTest {

    private static final Path AXE = Path.of(".ci/axe/node_modules/axe-core/axe.min.js");
    private static final String URBANA = "https%3A%2F%2Fw3id.org%2Fcopgraph%2Fid%2Fcop%2Furbana";
    private static final String MIT = "https%3A%2F%2Fw3id.org%2Fcopgraph%2Fid%2Fcop%2Fmunicipalities-in-transition";

    private static Server app;
    private static ChromeDriver browser;
    private static String axe;

    @BeforeAll
    static void start() throws Exception {
        browser = Chromium.start("the page tour", 1280, 900, AXE);
        axe = Files.readString(AXE);
        app = Fixtures.server();
        Files.createDirectories(Path.of("target/screenshots"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.stop();
        }
    }

    /**
     * The pages: a name for the screenshot, the address, text the main heading must contain, and a
     * CSS selector of content a reader must find there (rows of a table, a form, the drawing).
     */
    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of("home", "/", "copgraph", "main a[href]"),
                Arguments.of("directory", "/cops?domain=socio-ecological-transition", "ommunities", "ol.cards li"),
                Arguments.of("resource", "/id/cop/urbana", "UrbanA", "table tr"),
                Arguments.of("map", "/map", "Map", "ul.unplaced li"),
                Arguments.of("map-around", "/map?focus=/id/cop/urbana", "Map around", "ul.unplaced li"),
                Arguments.of("source-graph", "/graph/cff-session-3", "Source graph", "table tr"),
                Arguments.of("ontology", "/ontology", "ntology", "main section"),
                Arguments.of("catalogue", "/api/queries", "queries", "form"),
                Arguments.of("query-result", "/api/queries/cops-with-domains", "", "table tbody tr"),
                Arguments.of("editor", "/query-editor", "", ".yasgui, #yasgui"),
                Arguments.of("explorer-focus", "/explore?focus=" + URBANA, "", "#cy canvas"),
                Arguments.of("explorer-path", "/explore?from=" + URBANA + "&to=" + MIT, "", "#cy canvas"),
                Arguments.of("void", "/.well-known/void", "", "table tr"),
                Arguments.of("stream", "/ldes", "", "main a[href]"),
                Arguments.of("fragments", "/fragments", "ragment", "form"),
                Arguments.of("dumps", "/dumps/", "ump", "table tr"),
                Arguments.of("api-docs", "/api/docs", "", "main"),
                Arguments.of("sign-in", "/sign-in?return=%2Freview", "Sign in", "form input#token"),
                Arguments.of("propose", "/propose", "Propose", "main a[href='/propose/cop']"),
                Arguments.of("propose-cop", "/propose/cop", "Propose a Community of Practice", "form fieldset legend"),
                Arguments.of("propose-change", "/cops/urbana/edit", "Propose a change", "form fieldset legend"),
                Arguments.of("propose-story", "/propose/story", "Propose a story", "form fieldset legend"),
                Arguments.of("error-page", "/id/cop/no-such-cop", "404", "main a[href='/']"),
                Arguments.of("api-error-page", "/api/queries/no-such-query", "404", "main a[href='/']"),
                // The same chrome in Italian (web/Language): the switcher, lang attributes and longer words stay accessible.
                Arguments.of("home-it", "/?lang=it", "copgraph", "main a[href]"),
                Arguments.of("directory-it", "/cops?hl=it&domain=socio-ecological-transition", "Comunità", "ol.cards li"),
                Arguments.of("resource-it", "/id/cop/urbana?lang=it", "UrbanA", "table tr"),
                Arguments.of("query-result-it", "/api/queries/cops-with-domains?lang=it", "", "table tbody tr"),
                Arguments.of("error-page-it", "/id/cop/no-such-cop?lang=it", "404", "main a[href='/']"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("pages")
    void aPersonSeesThePageWithoutErrorsOrSeriousAccessibilityViolations(String name, String path, String heading,
            String content) throws Exception {
        browser.manage().logs().get(LogType.BROWSER); // drops what earlier pages logged
        browser.get("http://localhost:" + app.port() + path);
        WebDriverWait wait = Chromium.await(browser, Duration.ofSeconds(20));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        // Pages that draw with a script (explorer, editor) fill in after the load event.
        wait.until(d -> !d.findElements(By.cssSelector(content)).isEmpty());
        Files.write(Path.of("target/screenshots/tour-" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        // Swagger UI (/api/docs) writes its own title as an h1 inside its widget.
        List<WebElement> h1 = browser.findElements(By.cssSelector("h1:not(.swagger-ui *)"));
        assertThat(h1).as("one main heading on %s", path).hasSize(1);
        assertThat(h1.get(0).getText()).as("the heading of %s", path).containsIgnoringCase(heading);
        assertThat(browser.findElements(By.cssSelector("nav a[href='/']"))).as("navigation home from %s", path).isNotEmpty();

        List<String> consoleErrors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            // An error page's own status (404) is what the page is about, not a failure of it.
            if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !(name.contains("error") && e.getMessage().contains("404"))) {
                consoleErrors.add(e.getMessage());
            }
        }
        assertThat(consoleErrors).as("console errors on %s", path).isEmpty();

        assertThat(seriousViolations()).as("serious or critical axe-core violations on %s", path).isEmpty();
    }

    /**
     * axe-core's serious and critical violations, each as "rule: help (n nodes: first target)".
     * Two third-party widgets' own markup is left out: Swagger UI's on /api/docs (contrast, nested
     * controls) and YASGUI's tab list on /query-editor (its add-tab button sits among the tabs;
     * moving it broke YASGUI). The pages around them, and the editor's boxes, are checked.
     */
    @SuppressWarnings("unchecked")
    private static List<String> seriousViolations() {
        JavascriptExecutor js = browser;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run({exclude: [['.swagger-ui'], ['.yasgui .tabsList']]}, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({id: v.id,"
                + " impact: v.impact, help: v.help, nodes: v.nodes.length, target: String(v.nodes[0].target)}))))"
                + ".catch(e => done([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: 0, target: ''}]));");
        List<String> out = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                out.add(v.get("id") + ": " + v.get("help") + " (" + v.get("nodes") + " nodes: " + v.get("target") + ")");
            }
        }
        return out;
    }
}
