package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.copgraph.WritableServer;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.proposals.Proposal;
import org.w3id.copgraph.proposals.ProposalInput;

/**
 * A curator in headless Chromium: sent to sign in on the way to /review, sees a pending
 * proposal's diff, accepts it with a comment, and sees it accepted. Each page is also checked with
 * axe-core (as the page tour does) and photographed to target/screenshots/review-*.png.
 */
class ReviewBrowserTest {

    private static final String URBANA = "https://w3id.org/copgraph/id/cop/urbana";

    @RegisterExtension
    static final WritableServer server = new WritableServer("rosa");

    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Chromium.start("the review journey", 1280, 1000, Chromium.AXE);
        Files.createDirectories(Path.of("target/screenshots"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCuratorSignsInSeesAProposalsDiffAndAcceptsItWithAComment() throws Exception {
        Proposal p = server.cg().proposals().submit(new ProposalInput("change", URBANA, RDFParser.fromString("""
                <https://w3id.org/copgraph/id/cop/urbana> <http://purl.org/dc/terms/description>
                    "A community of practice on just and sustainable cities, now also meeting in Lisbon."@en .
                """, Lang.TURTLE).toGraph(), "Ana Coordinator", "ana@example.org", "We started a Lisbon circle."),
                Caller.ANONYMOUS, "browser-test");
        String base = "http://localhost:" + server.port();
        WebDriverWait wait = Chromium.await(browser, Duration.ofSeconds(20));

        browser.get(base + "/review");
        wait.until(ExpectedConditions.urlContains("/sign-in"));
        shoot("sign-in");
        assertThat(Chromium.seriousAxeViolations(browser)).as("axe on /sign-in").isEmpty();
        browser.findElement(By.id("token")).sendKeys(server.curator());
        browser.findElement(By.cssSelector("form[action='/sign-in'] button")).click();

        wait.until(ExpectedConditions.urlToBe(base + "/review"));
        assertThat(browser.findElement(By.cssSelector("header")).getText()).contains("Signed in as rosa");
        shoot("queue");
        assertThat(Chromium.seriousAxeViolations(browser)).as("axe on /review").isEmpty();
        browser.findElement(By.cssSelector("a[href='/review/" + p.id() + "']")).click();

        wait.until(ExpectedConditions.urlToBe(base + "/review/" + p.id()));
        String diff = browser.findElement(By.id("main")).getText();
        assertThat(diff).contains("UrbanA Community of Practice").contains("description").contains("now also meeting in Lisbon")
                .contains("Ana Coordinator").contains("We started a Lisbon circle.").doesNotContain(URBANA + " ");
        assertThat(browser.findElements(By.cssSelector("table.diff tr.added"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("table.diff tr.removed"))).isNotEmpty();
        shoot("proposal");
        assertThat(Chromium.seriousAxeViolations(browser)).as("axe on /review/{id}").isEmpty();

        browser.findElement(By.id("accept-comment")).sendKeys("Thanks, Ana: welcome, Lisbon.");
        browser.findElement(By.cssSelector("form[action$='/accept'] button")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "accepted"));
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/review/" + p.id());
        String decided = browser.findElement(By.id("main")).getText();
        assertThat(decided).contains("Decision: accepted").contains("rosa").contains("Thanks, Ana: welcome, Lisbon.");
        String change = browser.findElement(By.cssSelector("a[href^='/id/change/']")).getDomAttribute("href");
        // The change-log entry it links to is there, crediting proposer and reviewer.
        assertThat(server.http().get(change, "Accept", "text/turtle").body()).contains("Ana").contains("agent/rosa");
        assertThat(browser.findElements(By.cssSelector("form[action$='/accept']"))).isEmpty();
        shoot("accepted");
        assertThat(server.cg().proposals().get(p.id()).orElseThrow().pending()).isFalse();
    }

    private static void shoot(String name) throws Exception {
        Files.write(Path.of("target/screenshots/review-" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
