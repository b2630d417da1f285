package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Server;

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
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
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
        assertThat(browser.findElement(org.openqa.selenium.By.id("x-gexf")).getAttribute("href"))
                .contains("/api/network/export.gexf?").contains("focus=");

        screenshot("explore-path.png");
    }

    private static void screenshot(String name) throws Exception {
        Path shot = Path.of("target/screenshots", name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isPositive();
    }
}
