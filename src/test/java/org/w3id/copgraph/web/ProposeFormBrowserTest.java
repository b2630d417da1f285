package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Server;

/**
 * A person fills in the CoP form in a browser (the page has no script of its own): a proposal that breaks the
 * shapes comes back with the messages next to the fields and the markup typed shown as text, and
 * the page stays free of serious axe-core violations; corrected, it is sent.
 */
class ProposeFormBrowserTest {


    private static Copgraph cg;
    private static Server app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Chromium.start("the proposal form", 1280, 900, Chromium.AXE);
        cg = Fixtures.fresh(Files.createTempFile("tokens", ".txt"));
        app = Server.start(cg);
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
        if (cg != null) {
            cg.close();
        }
    }

    @Test
    void aProposalThatBreaksTheShapesShowsTheMessagesNextToTheFieldsAndMarkupAsText() throws Exception {
        String markup = "<img src=x onerror=alert(1)><b>Seed savers</b>";
        browser.get("http://localhost:" + app.port() + "/propose/cop");
        browser.findElement(By.id("f-rdfs-label-0")).sendKeys(markup);
        browser.findElement(By.id("f-schema-knowsLanguage-0")).sendKeys("Italian!");
        new Select(browser.findElement(By.id("f-cop-domain"))).selectByVisibleText("permaculture");
        browser.findElement(By.cssSelector("form.proposal button[type=submit]")).click();
        Chromium.await(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        Files.write(Path.of("target/screenshots/propose-cop-errors.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        WebElement languageError = browser.findElement(By.id("f-schema-knowsLanguage-error"));
        assertThat(languageError.getText()).contains("BCP 47 language code");
        assertThat(browser.findElement(By.id("f-schema-knowsLanguage-0")).getAttribute("aria-describedby"))
                .contains("f-schema-knowsLanguage-error");
        assertThat(browser.findElement(By.id("f-proposerName-error")).getText()).contains("Required");
        // What was typed comes back as typed, as text: no element was made of it.
        assertThat(browser.findElement(By.id("f-rdfs-label-0")).getAttribute("value")).isEqualTo(markup);
        assertThat(browser.findElements(By.cssSelector("main img, main b"))).isEmpty();
        assertThat(new Select(browser.findElement(By.id("f-cop-domain"))).getAllSelectedOptions())
                .extracting(WebElement::getText).containsExactly("permaculture");
        assertThat(Chromium.seriousAxeViolations(browser)).isEmpty();

        browser.findElement(By.id("f-schema-knowsLanguage-0")).clear();
        browser.findElement(By.id("f-schema-knowsLanguage-0")).sendKeys("it");
        browser.findElement(By.id("f-proposerName-0")).sendKeys("Ada");
        browser.findElement(By.cssSelector("form.proposal button[type=submit]")).click();
        Chromium.await(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Proposal "));
        String status = browser.findElement(By.cssSelector("main a[href^='/api/proposals/']")).getAttribute("href");
        assertThat(cg.proposals().get(status.substring(status.lastIndexOf('/') + 1))).isPresent();
    }
}
