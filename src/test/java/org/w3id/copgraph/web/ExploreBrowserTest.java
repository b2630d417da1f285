package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.apache.jena.riot.RDFDataMgr;
import org.openqa.selenium.WebElement;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.Server;
import org.w3id.copgraph.store.Store;

/**
 * Loads /explore in headless Chromium (Debian's chromium and chromium-driver, installed by
 * .ci/run), sees the seed CoPs drawn, expands one and saves screenshots to
 * target/screenshots/ (explore.png after the expansion, explore-path.png with a path). Skipped, saying why, where Chromium is not installed;
 * in CI (CI=true) a missing browser fails instead.
 */
class ExploreBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static Server app;
    private static ChromeDriver browser;
    private static Path downloads;

    @BeforeAll
    static void start() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the browser test: install chromium and chromium-driver (.ci/run does)");
        }
        assumeTrue(installed, "Chromium is not installed (apt-get install -y chromium chromium-driver); skipping the /explore browser test");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        downloads = Files.createTempDirectory("copgraph-downloads");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory("copgraph-chromium"));
        app = Fixtures.server();
        browser = new ChromeDriver(options);
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

    @SuppressWarnings("unchecked")
    private static List<String> labels() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return window.cy ? window.cy.nodes().map(n => n.data('label')) : [];");
    }

    private static long count(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }

    @Test
    void theExplorerDrawsTheSeedCopsExpandsOneAndExplainsAPath() throws Exception {
        browser.get("http://localhost:" + app.port() + "/explore");
        WebDriverWait wait = Chromium.await(browser, Duration.ofSeconds(30));
        wait.until(d -> labels().size() >= 3);
        assertThat(labels()).contains("UrbanA Community of Practice", "BLAST Community of Practice",
                "Municipalities in Transition Community of Practice");
        // Drawn: every node has a place inside the canvas.
        assertThat(count("return cy.nodes().filter(n => { const p = n.renderedPosition();"
                + " return p.x > 0 && p.y > 0 && p.x < cy.width() && p.y < cy.height(); }).length")).isEqualTo(3);

        // Expand UrbanA as a click would: its member and practices join the view.
        ((JavascriptExecutor) browser).executeScript("cy.getElementById('https://w3id.org/copgraph/id/cop/urbana').emit('tap');");
        wait.until(d -> labels().contains("Duncan Crowley"));
        assertThat(browser.findElement(org.openqa.selenium.By.id("panel")).getText()).contains("UrbanA Community of Practice");
        assertThat(browser.findElement(org.openqa.selenium.By.cssSelector("#panel a")).getAttribute("href")).endsWith("/id/cop/urbana");

        screenshot("explore.png");

        // A shared URL: focus UrbanA, explain the path to BLAST.
        browser.get("http://localhost:" + app.port() + "/explore?focus=/id/cop/urbana&to=/id/cop/blast");
        wait.until(d -> d.findElement(org.openqa.selenium.By.id("panel")).getText().contains("How they connect"));
        String panel = browser.findElement(org.openqa.selenium.By.id("panel")).getText();
        assertThat(panel).contains("BLAST Community of Practice").contains("cross-pollination").contains("2020-12-02");
        // The download is of the path view shown, not of the neighbourhood behind it.
        assertThat(browser.findElement(org.openqa.selenium.By.id("x-gexf")).getAttribute("href"))
                .contains("/api/network/export.gexf?").contains("from=").contains("to=");

        screenshot("explore-path.png");
    }

    @Test
    void theFocusIsHighlightedNamedInTheBoxesAndItsMeasuresAreInWords() {
        browser.get("http://localhost:" + app.port() + "/explore?focus=/id/cop/urbana&to=/id/cop/blast");
        WebDriverWait wait = Chromium.await(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.id("panel")).getText().contains("How they connect"));
        assertThat(script("return cy.getElementById('https://w3id.org/copgraph/id/cop/urbana').hasClass('focus')")).isEqualTo(true);
        assertThat(browser.findElement(By.id("search")).getAttribute("value")).isEqualTo("UrbanA Community of Practice");
        assertThat(browser.findElement(By.id("to")).getAttribute("value")).isEqualTo("BLAST Community of Practice");
        assertThat(browser.getCurrentUrl()).endsWith("/explore?focus=%2Fid%2Fcop%2Furbana&to=%2Fid%2Fcop%2Fblast");

        String legend = browser.findElement(By.id("legend")).getText();
        assertThat(legend).contains("Community of practice", "Person", "Organisation", "Practice or tool", "Event", "Domain",
                "the resource in focus", "articulation point", "Cross-pollination", "several of these reasons", "betweenness centrality",
                "Dashed: reported", "Dotted: only proposed");
        // UrbanA's membership of the CfF CoPs ecosystem is only proposed: its link is dotted; the rest are not.
        assertThat(script("return cy.getElementById('https://w3id.org/copgraph/id/cop/urbana').edgesWith("
                + "cy.getElementById('https://w3id.org/copgraph/id/ecosystem/cff-cops-ecosystem')).map(x => x.style('line-style'));"))
                .asList().containsExactly("dotted");
        assertThat(script("return cy.getElementById('https://w3id.org/copgraph/id/cop/urbana').connectedEdges()"
                + ".filter(e => e.style('line-style') === 'solid').length")).isNotEqualTo(0L);
        assertThat(browser.findElements(By.cssSelector("#legend svg"))).hasSizeGreaterThan(12);

        // The focus's measures, as the panel shows them when the node is clicked.
        ((JavascriptExecutor) browser).executeScript("cy.getElementById('https://w3id.org/copgraph/id/cop/blast').emit('tap');");
        wait.until(d -> d.findElement(By.id("panel")).getText().contains("Betweenness centrality"));
        String panel = browser.findElement(By.id("panel")).getText();
        assertThat(panel).contains("Weighted degree", "Closeness centrality", "Clustering coefficient", "Community of practice")
                .doesNotContain("weightedDegree", "betweenness ", "articulationPoint");
    }

    @Test
    void theStartOfAPathMayBeGivenAsFromAsThePathsApiNamesIt() {
        browser.get("http://localhost:" + app.port() + "/explore?from=/id/cop/urbana&to=/id/cop/blast");
        WebDriverWait wait = Chromium.await(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.id("panel")).getText().contains("How they connect"));
        assertThat(browser.findElement(By.id("search")).getAttribute("value")).isEqualTo("UrbanA Community of Practice");
        assertThat(browser.getCurrentUrl()).endsWith("/explore?focus=%2Fid%2Fcop%2Furbana&to=%2Fid%2Fcop%2Fblast");
    }

    @Test
    void aMisspeltFocusIsExplainedInTheDrawingWithCloseMatchesAndWaysOut() throws Exception {
        browser.get("http://localhost:" + app.port() + "/explore?focus=/id/cop/urbanaa");
        WebDriverWait wait = Chromium.await(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.id("problem")).isDisplayed());
        var problem = browser.findElement(By.id("problem"));
        assertThat(problem.getText()).contains("urbanaa", "not in the resources network", "Did you mean", "whole network", "home page");
        // Inside the drawing area, not below it.
        assertThat(script("const p = document.getElementById('problem').getBoundingClientRect(), c = document.getElementById('cy').getBoundingClientRect();"
                + " return p.top >= c.top && p.bottom <= c.bottom && p.left >= c.left && p.right <= c.right;")).isEqualTo(true);
        assertThat(browser.findElement(By.id("search")).getAttribute("value")).contains("urbanaa");
        assertThat(browser.findElements(By.cssSelector("#problem a[href='/explore']"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#problem a[href='/']"))).hasSize(1);
        screenshot("explore-error.png");

        problem.findElement(By.linkText("UrbanA Community of Practice")).click();
        wait.until(d -> labels().contains("Duncan Crowley"));
        assertThat(browser.findElement(By.id("problem")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("search")).getAttribute("value")).isEqualTo("UrbanA Community of Practice");
    }

    @Test
    void aMisspeltPathTargetSuggestsTheResourceMeant() {
        browser.get("http://localhost:" + app.port() + "/explore?focus=/id/cop/urbana&to=/id/cop/blsat");
        WebDriverWait wait = Chromium.await(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.id("problem")).isDisplayed());
        assertThat(browser.findElement(By.cssSelector("#problem .matches a")).getAttribute("href"))
                .contains("to=https%3A%2F%2Fw3id.org%2Fcopgraph%2Fid%2Fcop%2Fblast").contains("focus=%2Fid%2Fcop%2Furbana");
    }

    @Test
    void exploringASourceGraphDrawsTheResourcesItTiesTogether() {
        // Followed from the source graph's own page, as a person would.
        browser.get("http://localhost:" + app.port() + "/graph/cff-session-3");
        browser.findElement(By.linkText("Explore the resources this source ties together")).click();
        WebDriverWait wait = Chromium.await(browser, Duration.ofSeconds(30));
        wait.until(d -> labels().contains("BLAST Community of Practice"));
        assertThat(browser.findElement(By.id("problem")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("status")).getText()).contains("The resources that source ties together");
        assertThat(browser.findElement(By.id("x-gexf")).getAttribute("href")).contains("focus=");
    }

    @Test
    void aPathViewDownloadsAsWhatIsDrawnAndAsTheServersFiles() throws Exception {
        browser.get("http://localhost:" + app.port() + "/explore?focus=/id/cop/urbana&to=/id/cop/blast");
        WebDriverWait wait = Chromium.await(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.id("panel")).getText().contains("How they connect"));
        String gexf = browser.findElement(By.id("x-gexf")).getAttribute("href");
        assertThat(gexf).contains("/api/network/export.gexf?from=").contains("to=");
        assertThat(browser.findElement(By.cssSelector(".exports")).getText()).contains("paths from UrbanA Community of Practice to BLAST");
        var served = new Http(app.port()).get(gexf.substring(gexf.indexOf("/api/")));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).contains("UrbanA Community of Practice", "BLAST Community of Practice");

        browser.findElement(By.id("x-drawn")).click();
        browser.findElement(By.id("x-png")).click();
        Path json = downloads.resolve("copgraph-paths-from-urbana-community-of-practice-to-blast-community-of-practice.json");
        Path png = downloads.resolve("copgraph-paths-from-urbana-community-of-practice-to-blast-community-of-practice.png");
        wait.until(d -> Files.exists(json) && Files.exists(png));
        String drawn = Files.readString(json);
        long nodes = count("return cy.nodes().length");
        assertThat(drawn).contains("\"label\": \"UrbanA Community of Practice\"", "\"label\": \"BLAST Community of Practice\"", "on-path");
        assertThat(drawn.split("\"position\"", -1)).hasSize((int) nodes + 1);
        byte[] picture = Files.readAllBytes(png);
        assertThat(picture).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    /**
     * A mapper turns suggested links on with the link-kind filter: off at first, then drawn dashed in
     * their own colour, named in the legend, their reasons in the details panel; axe stays clean.
     */
    @Test
    void suggestedLinksAreOffUntilTurnedOnThenDashedWithTheirLegendAndReasons() throws Exception {
        // A server of its own: the shared seed graph is not written to.
        Copgraph cg = Copgraph.on(Fixtures.settings(), Store.inMemory());
        cg.loader().loadSeedIfEmpty();
        // A CoP nothing links yet (see SuggestionPagesHttpTest), so the engine suggests whom it could learn from.
        cg.store().write(d -> RDFDataMgr.read(d, "src/test/resources/suggestions/riverside-cop.trig"));
        Server own = Server.start(cg);
        cg.suggestionsGraph().refreshIfStale();
        try {
            browser.get("http://localhost:" + own.port() + "/explore?focus=/id/cop/riverside-food");
            WebDriverWait wait = Chromium.await(browser, Duration.ofSeconds(30));
            wait.until(d -> labels().contains("Duncan Crowley"));
            String suggested = "return cy.edges('[evidence = \"suggested\"]').length";
            assertThat(count(suggested)).isZero();
            assertThat(browser.findElement(By.id("legend")).getText()).contains("suggested by copgraph");
            WebElement box = browser.findElement(By.cssSelector("#kinds input[value='suggested']"));
            assertThat(box.isSelected()).isFalse();

            box.click();
            wait.until(d -> count(suggested) > 0);
            assertThat(browser.getCurrentUrl()).contains("kinds=").contains("suggested");
            String edge = "cy.edges('[evidence = \"suggested\"]')[0]";
            assertThat(script("return " + edge + ".style('line-style')")).isEqualTo("dashed");
            assertThat(script("return " + edge + ".style('line-color')")).isEqualTo("rgb(0,131,143)");
            assertThat(script("return cy.edges('[evidence = \"suggested\"]').map(e => e.data('target'))").toString())
                    .contains("https://w3id.org/copgraph/id/cop/riverside-food");
            // Never merged with the facts: the cross-pollinations between the two stay an edge of their own.
            assertThat(count("return cy.edges('[evidence = \"suggested\"]').filter(e => e.data('kinds').length !== 1).length")).isZero();

            ((JavascriptExecutor) browser).executeScript(edge + ".emit('tap');");
            wait.until(d -> d.findElement(By.id("panel")).getText().contains("(suggested)"));
            String panel = browser.findElement(By.id("panel")).getText();
            assertThat(panel).contains("could help", "evidence status: suggested", "Why");
            assertThat(browser.findElements(By.cssSelector("#panel ul li"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("#panel a[href^='/graph/']"))).isNotEmpty();
            assertThat(browser.findElement(By.cssSelector("#panel a[href^='/api/suggestions']")).getAttribute("href"))
                    .contains("cop=https%3A%2F%2Fw3id.org%2Fcopgraph%2Fid%2Fcop%2F");
            screenshot("explore-suggested.png");

            if (Files.isRegularFile(Chromium.AXE)) {
                assertThat(Chromium.seriousAxeViolations(browser)).isEmpty();
            }
        } finally {
            own.stop();
            cg.close();
        }
    }

    private static Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private static void screenshot(String name) throws Exception {
        Path shot = Path.of("target/screenshots", name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isPositive();
    }
}
