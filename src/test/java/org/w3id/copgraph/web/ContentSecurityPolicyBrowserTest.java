package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Server;

/**
 * The pages work under their Content-Security-Policy in a real browser: Chromium reports every
 * blocked script, style or connection on the console ("Refused to ..."), and none may appear
 * while the explorer draws, the editor runs a query and Swagger UI renders.
 */
class ContentSecurityPolicyBrowserTest {

    private static Server app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Chromium.start("the Content-Security-Policy browser test", 1400, 1000);
        app = Fixtures.server();
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

    @Test
    void theExplorerTheEditorAndTheApiDocsRunWithNothingRefused() {
        List<String> refused = new ArrayList<>();
        WebDriverWait wait = Chromium.await(browser, Duration.ofSeconds(30));

        open("/", refused);
        open("/id/cop/urbana", refused);

        browser.get(url("/explore?focus=/id/cop/urbana&to=/id/cop/blast"));
        wait.until(d -> d.findElement(By.id("panel")).getText().contains("How they connect"));
        refused.addAll(refusals("/explore"));

        browser.get(url("/query-editor"));
        wait.until(d -> !d.findElements(By.cssSelector(".yasqe .CodeMirror")).isEmpty());
        browser.findElements(By.cssSelector("button.example")).get(0).click();
        wait.until(d -> !d.findElements(By.cssSelector(".yasr table td")).isEmpty());
        refused.addAll(refusals("/query-editor"));

        browser.get(url("/api/docs"));
        wait.until(d -> !d.findElements(By.cssSelector(".swagger-ui .opblock")).isEmpty());
        refused.addAll(refusals("/api/docs"));

        assertThat(refused).as("console messages about the Content-Security-Policy").isEmpty();
    }

    private void open(String path, List<String> refused) {
        browser.get(url(path));
        Chromium.await(browser, Duration.ofSeconds(30)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        refused.addAll(refusals(path));
    }

    private static List<String> refusals(String page) {
        List<String> out = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            String m = e.getMessage();
            if (m.contains("Content Security Policy") || m.contains("Refused to")) {
                out.add(page + ": " + m);
            }
        }
        return out;
    }

    private static String url(String path) {
        return "http://localhost:" + app.port() + path;
    }
}
