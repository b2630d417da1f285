package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.copgraph.maps.PlacesServer;

/**
 * The map in headless Chromium with no tiles configured (the default): the places show as markers
 * on a plain background, every request the page makes goes to this server, nothing is refused by
 * the Content-Security-Policy, and axe-core finds no serious violation; the same for the embedded map
 * and the other widgets.
 */
class MapBrowserTest {

    @RegisterExtension
    static final PlacesServer server = new PlacesServer();

    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Chromium.start("the map", 1280, 900, Chromium.AXE);
        Files.createDirectories(Path.of("target/screenshots"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theMapShowsMarkersWithoutTilesAndAsksNoOtherServer() throws Exception {
        for (String path : List.of("/map", "/embed/map", "/map?focus=/id/cop/brescia-gardeners")) {
            open(path);
            WebDriverWait wait = Chromium.await(browser, Duration.ofSeconds(20));
            wait.until(d -> !d.findElements(By.cssSelector("#map .leaflet-marker-icon")).isEmpty());
            Files.write(Path.of("target/screenshots/map" + path.replaceAll("[^a-z]+", "-") + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            assertThat(browser.findElements(By.cssSelector("#map .leaflet-marker-icon"))).as(path).hasSize(1);
            assertThat(browser.findElement(By.cssSelector("#map .leaflet-marker-icon")).getAttribute("alt"))
                    .contains("Brescia Gardeners");
            assertThat(browser.findElements(By.cssSelector("#map .leaflet-tile"))).as("no tiles on " + path).isEmpty();
            assertThat(browser.findElement(By.id("map")).isDisplayed()).isTrue();
            assertNothingLeftTheServer(path);
            assertThat(Chromium.seriousAxeViolations(browser)).as("axe on " + path).isEmpty();
        }
    }

    @Test
    void theWidgetsReadWellAndAskNoOtherServer() throws Exception {
        for (String path : List.of("/embed/cop/brescia-gardeners", "/embed/cops", "/embed/query/cops-with-domains",
                "/embed/network?focus=/id/cop/urbana")) {
            open(path);
            Files.write(Path.of("target/screenshots/widget" + path.replaceAll("[^a-z]+", "-") + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            assertThat(browser.findElements(By.cssSelector("h1"))).as(path).hasSize(1);
            assertThat(browser.findElements(By.linkText("Powered by copgraph"))).as(path).hasSize(1);
            assertNothingLeftTheServer(path);
            assertThat(Chromium.seriousAxeViolations(browser)).as("axe on " + path).isEmpty();
        }
    }

    private static void open(String path) {
        browser.manage().logs().get(LogType.BROWSER); // drops what earlier pages logged
        browser.get(server.url(path));
        Chromium.await(browser, Duration.ofSeconds(20))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Every resource the page loaded came from this server, and the console shows no error (a CSP refusal is one). */
    @SuppressWarnings("unchecked")
    private static void assertNothingLeftTheServer(String path) {
        List<String> loaded = (List<String>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        String origin = server.url("/");
        assertThat(loaded).as("what " + path + " loaded").isNotEmpty().allMatch(u -> u.startsWith(origin));
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        assertThat(errors).as("console errors on " + path).isEmpty();
    }
}
