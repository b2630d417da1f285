package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.Server;
import org.w3id.copgraph.Settings;
import org.w3id.copgraph.WritableServer;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.proposals.Proposal;
import org.w3id.copgraph.proposals.ProposalInput;
import org.w3id.copgraph.proposals.Status;
import org.w3id.copgraph.store.Store;

/**
 * The contributor's journey of issue 14, end to end in headless Chromium: a CoP coordinator
 * (a browser with JavaScript switched off, so nothing here needs it) finds CoPs like theirs,
 * proposes their own in the form generated from the shapes, fixes what the shapes say, and
 * follows the status address; a curator (a browser with JavaScript, as people have) signs in,
 * reviews the diff, accepts; the new CoP is then in the directory by a word of its description,
 * on its own page, in the explorer and in the event stream. Around it: rejecting, the shapes'
 * messages, markup shown as text, cross-site posts refused, a burst slowed down, and axe-core on
 * the new pages.
 *
 * <p>The journey's steps are photographed (1280x900) to {@code target/screenshots/contributor-journey/};
 * with {@code -Dcopgraph.screenshots=docs/screenshots/contributor-journey} they refresh the
 * pictures the documentation shows.
 */
class ContributorJourneyBrowserTest {

    private static final Path SHOTS = Path.of(System.getProperty("copgraph.screenshots", "target/screenshots/contributor-journey"));
    private static final String MARKUP_SCRIPT = "<script>alert(1)</script>";
    private static final String MARKUP_IMG = "<img src=x onerror=alert(2)>";
    private static final String URBANA = "https://w3id.org/copgraph/id/cop/urbana";

    @RegisterExtension
    static final WritableServer server = new WritableServer("rosa");

    /** The coordinator: no JavaScript at all. */
    private static ChromeDriver coordinator;
    /** The curator (and anyone using the explorer): JavaScript on, as in most browsers. */
    private static ChromeDriver curator;
    private static boolean signedIn;

    @BeforeAll
    static void start() throws Exception {
        coordinator = Chromium.start("the contributor journey", 1280, 900, false, Chromium.AXE);
        curator = Chromium.start("the contributor journey", 1280, 900, Chromium.AXE);
        for (ChromeDriver b : List.of(coordinator, curator)) {
            // The page itself 1280x900 (the window's size includes the browser's own bars), so the pictures are.
            b.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 900,
                    "deviceScaleFactor", 1, "mobile", false));
        }
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (coordinator != null) {
            coordinator.quit();
        }
        if (curator != null) {
            curator.quit();
        }
    }

    @Test
    void aCoordinatorProposesACopWithoutJavaScriptACuratorAcceptsItAndItIsFoundEverywhere() throws Exception {
        String base = base();
        // No JavaScript in the coordinator's browser: the explorer shows what it says to such browsers.
        coordinator.get(base + "/explore");
        assertThat(coordinator.findElement(By.xpath("//main//p[contains(., 'draws the network with JavaScript')]")).isDisplayed())
                .as("JavaScript is off for the coordinator").isTrue();
        // Finding CoPs like theirs first.
        coordinator.get(base + "/cops?q=permaculture");
        assertThat(main(coordinator)).contains("BLAST");
        shoot(coordinator, "01-directory-search");

        // The form, generated from the shapes, without JavaScript.
        coordinator.get(base + "/propose/cop");
        shoot(coordinator, "02-empty-form");
        type(coordinator, "f-rdfs-label-0", "Seed Savers Circle");
        type(coordinator, "f-dcterms-description-0", "Gardeners swapping heirloom seeds and pollinator know-how across Europe.");
        new Select(coordinator.findElement(By.id("f-cop-domain"))).selectByVisibleText("permaculture");
        new Select(coordinator.findElement(By.id("f-cop-meetingMode"))).selectByIndex(1);
        type(coordinator, "f-schema-knowsLanguage-0", "English");
        type(coordinator, "f-proposerName-0", "Ana Coordinator");
        type(coordinator, "f-proposerContact-0", "ana@example.org");
        submit(coordinator);

        // A working language must be a code: the shapes say so next to the field; what was typed stays.
        assertThat(coordinator.findElement(By.cssSelector(".error-summary")).getText()).contains("Working languages");
        assertThat(coordinator.findElement(By.id("f-rdfs-label-0")).getAttribute("value")).isEqualTo("Seed Savers Circle");
        // The picture shows the message where it matters: beside the field (the summary above links to it).
        coordinator.executeScript("document.getElementById('f-schema-knowsLanguage-0').scrollIntoView({block: 'center'})");
        shoot(coordinator, "03-form-with-messages");
        WebElement language = coordinator.findElement(By.id("f-schema-knowsLanguage-0"));
        language.clear();
        language.sendKeys("en");
        submit(coordinator);

        assertThat(main(coordinator)).contains("your proposal is in");
        WebElement statusLink = coordinator.findElement(By.cssSelector("main a[href^='/api/proposals/']"));
        String statusPath = URI.create(statusLink.getAttribute("href")).getPath();
        String id = statusPath.substring(statusPath.lastIndexOf('/') + 1);
        shoot(coordinator, "04-proposal-sent");
        // Stored apart: not published yet.
        coordinator.get(base + "/cops?q=heirloom");
        assertThat(main(coordinator)).doesNotContain("Seed Savers Circle");

        // The curator signs in on the way to the queue, sees it, reads the diff and accepts.
        signInAsCurator();
        curator.get(base + "/review");
        WebElement inQueue = curator.findElement(By.cssSelector("a[href='/review/" + id + "']"));
        assertThat(main(curator)).contains("Seed Savers Circle").contains("Ana Coordinator");
        shoot(curator, "05-review-queue");
        inQueue.click();
        wait(curator).until(ExpectedConditions.urlToBe(base + "/review/" + id));
        assertThat(main(curator)).contains("Seed Savers Circle").contains("heirloom seeds").contains("permaculture");
        assertThat(curator.findElements(By.cssSelector("table.diff tr.added"))).isNotEmpty();
        shoot(curator, "06-review-diff");
        curator.findElement(By.id("accept-comment")).sendKeys("Welcome, seed savers.");
        curator.findElement(By.cssSelector("form[action$='/accept'] button")).click();
        wait(curator).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "accepted"));

        // The coordinator follows the status address.
        coordinator.get(base + statusPath);
        assertThat(coordinator.findElement(By.id("status")).getText()).isEqualTo("accepted");
        assertThat(main(coordinator)).contains("Welcome, seed savers.");
        shoot(coordinator, "07-accepted-status");

        // In the directory by a word of its description, then its page.
        coordinator.get(base + "/cops?q=heirloom");
        WebElement card = coordinator.findElement(By.cssSelector("li.card h3 a"));
        assertThat(card.getText()).isEqualTo("Seed Savers Circle");
        shoot(coordinator, "08-directory-hit");
        card.click();
        wait(coordinator).until(ExpectedConditions.urlToBe(base + "/id/cop/seed-savers-circle"));
        assertThat(coordinator.findElement(By.tagName("h1")).getText()).isEqualTo("Seed Savers Circle");
        assertThat(main(coordinator)).contains("Gardeners swapping heirloom seeds").contains("permaculture");
        shoot(coordinator, "09-cop-page");

        // In the explorer, by the Find box.
        curator.get(base + "/explore");
        WebDriverWait slow = Chromium.await(curator, Duration.ofSeconds(30));
        slow.until(d -> labels().size() >= 3);
        WebElement find = curator.findElement(By.id("search"));
        find.sendKeys("Seed Savers");
        find.sendKeys(Keys.ENTER);
        slow.until(d -> labels().contains("Seed Savers Circle")
                && d.findElement(By.id("panel")).getText().contains("Seed Savers Circle"));
        assertThat(curator.findElement(By.cssSelector("#panel a[href$='/id/cop/seed-savers-circle']")).isDisplayed()).isTrue();
        shoot(curator, "10-explorer");

        // In the event stream: its last page has a member for the new CoP.
        coordinator.get(base + "/ldes");
        List<WebElement> pages = coordinator.findElements(By.cssSelector("main a[href^='/ldes/']"));
        pages.get(pages.size() - 1).click();
        assertThat(coordinator.findElements(By.cssSelector("main a[href='/id/cop/seed-savers-circle']"))).isNotEmpty();
        shoot(coordinator, "11-event-stream");
    }

    @Test
    void aCuratorRejectsAProposalWithACommentAndTheDataStaysAsItWas() throws Exception {
        long before = statements();
        Proposal p = server.cg().proposals().submit(new ProposalInput("change", URBANA, turtle("""
                <https://w3id.org/copgraph/id/cop/urbana> <http://www.w3.org/2000/01/rdf-schema#label> "UrbanA, buy cheap pills"@en .
                """), "Spam Sender", null, "Please publish."), Caller.ANONYMOUS, "reject-test");

        signInAsCurator();
        curator.get(base() + "/review/" + p.id());
        assertThat(main(curator)).contains("buy cheap pills");
        curator.findElement(By.id("reject-comment")).sendKeys("Not about the CoP: looks like spam.");
        curator.findElement(By.cssSelector("form[action$='/reject'] button")).click();
        wait(curator).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "rejected"));

        // The status address, as the proposer sees it (not signed in).
        coordinator.get(base() + p.statusPath());
        assertThat(coordinator.findElement(By.id("status")).getText()).isEqualTo("rejected");
        assertThat(main(coordinator)).contains("Not about the CoP: looks like spam.");
        assertThat(statements()).isEqualTo(before);
        coordinator.get(base() + "/id/cop/urbana");
        assertThat(main(coordinator)).doesNotContain("buy cheap pills");
    }

    @Test
    void aProposalThatBreaksTheShapesShowsTheShapesMessagesNextToTheFields() throws Exception {
        long pending = pending();
        coordinator.get(base() + "/propose/cop");
        type(coordinator, "f-dcterms-description-0", "A circle with no name and an odd language.");
        type(coordinator, "f-schema-knowsLanguage-0", "english!!");
        type(coordinator, "f-proposerName-0", "Bo");
        submit(coordinator);

        assertThat(status(coordinator)).isEqualTo(422L);
        assertMessageNextTo("f-rdfs-label-0", shapeMessage("http://www.w3.org/2000/01/rdf-schema#label"));
        assertMessageNextTo("f-schema-knowsLanguage-0", shapeMessage("http://schema.org/knowsLanguage"));
        // The summary links each message to its field.
        assertThat(coordinator.findElements(By.cssSelector(".error-summary a[href='#f-rdfs-label-0']"))).hasSize(1);
        assertThat(coordinator.findElement(By.id("f-dcterms-description-0")).getAttribute("value"))
                .isEqualTo("A circle with no name and an odd language.");
        assertThat(pending()).isEqualTo(pending);
    }

    @Test
    void markupTypedIntoEveryFieldIsShownAsTextInTheFormTheDiffAndThePublishedPage() throws Exception {
        String name = "Circle " + MARKUP_SCRIPT + MARKUP_IMG;
        coordinator.get(base() + "/propose/cop");
        List<String> filled = new ArrayList<>();
        for (WebElement field : coordinator.findElements(By.cssSelector("form.proposal input[type='text'], form.proposal textarea"))) {
            String fieldId = field.getAttribute("id");
            if (!field.isDisplayed() || fieldId.equals("f-website")) {
                continue; // the honeypot, which people do not see
            }
            field.sendKeys(fieldId.equals("f-rdfs-label-0") ? name : fieldId + " " + MARKUP_SCRIPT + MARKUP_IMG);
            filled.add(fieldId);
        }
        assertThat(filled).contains("f-rdfs-label-0", "f-dcterms-description-0", "f-skos-altLabel-0", "f-proposerName-0",
                "f-proposerContact-0", "f-note-0", "f-schema-knowsLanguage-0");
        submit(coordinator);

        // The form again (a language code cannot be markup), every value as typed, as text.
        assertThat(status(coordinator)).isEqualTo(422L);
        for (String fieldId : filled) {
            assertThat(coordinator.findElement(By.id(fieldId)).getAttribute("value")).as(fieldId).contains(MARKUP_SCRIPT, MARKUP_IMG);
        }
        assertNoMarkupRan(coordinator);
        coordinator.findElement(By.id("f-schema-knowsLanguage-0")).clear();
        coordinator.findElement(By.id("f-schema-knowsLanguage-1")).clear();
        submit(coordinator);
        assertThat(main(coordinator)).contains("your proposal is in");
        String statusPath = URI.create(coordinator.findElement(By.cssSelector("main a[href^='/api/proposals/']"))
                .getAttribute("href")).getPath();
        String id = statusPath.substring(statusPath.lastIndexOf('/') + 1);
        assertNoMarkupRan(coordinator);

        // The review diff (JavaScript on: a handler that slipped through would run here).
        signInAsCurator();
        curator.get(base() + "/review/" + id);
        assertThat(main(curator)).contains(name).contains("f-dcterms-description-0 " + MARKUP_SCRIPT + MARKUP_IMG)
                .contains("f-note-0 " + MARKUP_SCRIPT);
        assertNoMarkupRan(curator);
        curator.findElement(By.cssSelector("form[action$='/accept'] button")).click();
        wait(curator).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "accepted"));

        // The published page, and its card in the directory.
        String target = server.cg().proposals().get(id).orElseThrow().target();
        curator.get(base() + server.cg().settings().iris().pathOf(target));
        assertThat(curator.findElement(By.tagName("h1")).getText()).isEqualTo(name);
        assertThat(main(curator)).contains("f-dcterms-description-0 " + MARKUP_SCRIPT + MARKUP_IMG);
        assertNoMarkupRan(curator);
        curator.get(base() + "/cops?q=" + Http.enc("f-dcterms-description-0"));
        assertNoMarkupRan(curator);
    }

    @Test
    void aFormPostFromAnotherSiteIsRefusedAndNothingIsStored() throws Exception {
        long pending = pending();
        HttpServer otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String copgraph = base();
        otherSite.createContext("/", exchange -> {
            // Where the proposal form posts, as the form's fields; and as text/plain, the other type a page may post anywhere.
            String type = exchange.getRequestURI().getPath().equals("/plain") ? "text/plain" : "application/x-www-form-urlencoded";
            byte[] page = ("<!DOCTYPE html><html><body><form method=post enctype='" + type + "' action='" + copgraph + "/api/proposals'>"
                    + "<input name=form value=cop><input name=kind value=new><input name='rdfs-label' value='Forged CoP'>"
                    + "<input name=proposerName value='Mallory'></form>"
                    + "<script>document.forms[0].submit()</script></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        otherSite.start();
        try {
            String other = "http://127.0.0.1:" + otherSite.getAddress().getPort();
            for (String page : List.of("/form", "/plain")) {
                curator.get(other + page);
                wait(curator).until(ExpectedConditions.urlContains(copgraph));
                assertThat(status(curator)).as("a cross-site post to %s", page).isEqualTo(403L);
                assertThat(curator.findElement(By.tagName("body")).getText()).doesNotContain("your proposal is in");
            }
        } finally {
            otherSite.stop(0);
        }
        assertThat(pending()).isEqualTo(pending);
        assertThat(server.cg().proposals().list(Status.PENDING)).noneMatch(p -> "Mallory".equals(p.proposer()));
    }

    @Test
    void aBurstOfProposalsFromOneClientIsSlowedDown() throws Exception {
        // A server of its own that allows a burst of two, then one an hour; no seed needed.
        Settings settings = Fixtures.settings().withProposing(Settings.Proposing.DEFAULTS.withRate(2, 1));
        try (Copgraph cg = Copgraph.on(settings, Store.inMemory())) {
            Server app = Server.start(cg);
            try {
                String base = "http://localhost:" + app.port();
                for (int i = 1; i <= 2; i++) {
                    proposeByForm(base, "Burst Circle " + i);
                    assertThat(main(coordinator)).as("proposal %s", i).contains("your proposal is in");
                }
                proposeByForm(base, "Burst Circle 3");
                assertThat(status(coordinator)).isEqualTo(429L);
                assertThat(main(coordinator)).contains("Too many proposals").doesNotContain("your proposal is in");
                assertThat(cg.proposals().list(Status.PENDING)).hasSize(2);

                // The same client over HTTP: 429, with how long to wait.
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/proposals"))
                        .header("Origin", base).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("form=cop&kind=new&rdfs-label=Burst+Circle+4&proposerName=Bo")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(429);
                assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isPositive();
                assertThat(cg.proposals().list(Status.PENDING)).hasSize(2);
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void aSignedOutBrowserIsSentToSignInOnTheWayToTheStaleList() {
        coordinator.get(base() + "/review/stale");
        assertThat(coordinator.getCurrentUrl()).contains("/sign-in");
        assertThat(coordinator.findElements(By.id("token"))).hasSize(1);
    }

    @Test
    void theDirectoryFormsAndReviewPagesHaveNoSeriousAccessibilityProblems() throws Exception {
        Proposal p = server.cg().proposals().submit(new ProposalInput("change", URBANA, turtle("""
                <https://w3id.org/copgraph/id/cop/urbana> <http://schema.org/knowsLanguage> "en" .
                """), "Ana Coordinator", null, null), Caller.ANONYMOUS, "axe-test");
        signInAsCurator();
        for (String path : List.of("/cops", "/cops?q=urban", "/propose/cop", "/review", "/review/" + p.id(), "/review/stale")) {
            curator.get(base() + path);
            assertThat(curator.getCurrentUrl()).as("not sent elsewhere").isEqualTo(base() + path);
            assertThat(Chromium.seriousAxeViolations(curator)).as("serious or critical axe-core violations on %s", path).isEmpty();
        }
        // The form with the shapes' messages in it too.
        curator.get(base() + "/propose/cop");
        submit(curator);
        assertThat(Chromium.seriousAxeViolations(curator)).as("axe on the form with messages").isEmpty();
    }

    // ---- helpers

    private static String base() {
        return "http://localhost:" + server.port();
    }

    private static void signInAsCurator() {
        if (signedIn) {
            return;
        }
        String base = base();
        curator.get(base + "/review");
        wait(curator).until(ExpectedConditions.urlContains("/sign-in"));
        curator.findElement(By.id("token")).sendKeys(server.curator());
        curator.findElement(By.cssSelector("form[action='/sign-in'] button")).click();
        wait(curator).until(ExpectedConditions.urlToBe(base + "/review"));
        assertThat(curator.findElement(By.cssSelector("header")).getText()).contains("Signed in as rosa");
        signedIn = true;
    }

    private static void proposeByForm(String base, String name) {
        coordinator.get(base + "/propose/cop");
        type(coordinator, "f-rdfs-label-0", name);
        type(coordinator, "f-proposerName-0", "Bo");
        submit(coordinator);
    }

    private static void type(WebDriver browser, String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
    }

    /** Sends the proposal form by its button, as a person would, and waits for the answer page. */
    private static void submit(ChromeDriver browser) {
        WebElement button = browser.findElement(By.cssSelector("form.proposal button[type='submit']"));
        button.click();
        wait(browser).until(Chromium.gone(button));
    }

    private static String main(WebDriver browser) {
        return browser.findElement(By.id("main")).getText();
    }

    /**
     * The HTTP status of the page shown, from Chromium's Navigation Timing. Asked through the
     * DevTools protocol, which works where the page itself may run no script (the coordinator's).
     */
    private static Object status(ChromeDriver browser) {
        Map<String, Object> answer = browser.executeCdpCommand("Runtime.evaluate", Map.of("expression",
                "performance.getEntriesByType('navigation')[0].responseStatus", "returnByValue", true));
        return answer.get("result") instanceof Map<?, ?> r && r.get("value") instanceof Number n ? n.longValue() : answer;
    }

    private static void assertMessageNextTo(String inputId, String message) {
        WebElement input = coordinator.findElement(By.id(inputId));
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        List<String> described = List.of(input.getAttribute("aria-describedby").split("\\s+"));
        String said = described.stream().map(id -> coordinator.findElement(By.id(id)).getText()).reduce("", (a, b) -> a + "\n" + b);
        assertThat(said).as("what %s is described by", inputId).contains(message);
    }

    /** The sh:message of the CoP shape's property shape for {@code path}, as the shapes file has it. */
    private static String shapeMessage(String path) {
        Model shapes = RDFDataMgr.loadModel("ontology/shapes.ttl");
        try (QueryExecution q = QueryExecution.model(shapes).query("""
                PREFIX sh: <http://www.w3.org/ns/shacl#>
                SELECT ?message WHERE {
                  ?shape sh:targetClass <https://w3id.org/copgraph/ontology#CommunityOfPractice> ; sh:property ?p .
                  ?p sh:path ?path ; sh:message ?message .
                }""").substitution("path", shapes.createResource(path)).build()) {
            ResultSet rows = q.execSelect();
            if (!rows.hasNext()) {
                throw new AssertionError("no sh:message for " + path + " on the CoP shape in ontology/shapes.ttl");
            }
            return rows.next().getLiteral("message").getString();
        }
    }

    /** No alert opened, and no element made from what was typed: it stayed text. */
    private static void assertNoMarkupRan(WebDriver browser) {
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError("an alert opened: " + text);
        } catch (NoAlertPresentException expected) {
            // as it should be
        }
        assertThat(browser.findElements(By.cssSelector("img[src='x']"))).as("an <img> made from typed text").isEmpty();
        // The page's own JSON-LD may hold the text as data (with "</" escaped); it must still be whole JSON.
        Object scripts = ((JavascriptExecutor) browser).executeScript("return Array.from(document.scripts)"
                + ".filter(s => s.text.includes('alert(1)') && (s.type !== 'application/ld+json'"
                + " || (() => { try { JSON.parse(s.text); return false; } catch (e) { return true; } })()))"
                + ".map(s => s.outerHTML.slice(0, 200));");
        assertThat((List<?>) scripts).as("a <script> made from typed text, or JSON-LD it broke").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> labels() {
        return (List<String>) ((JavascriptExecutor) curator).executeScript(
                "return window.cy ? window.cy.nodes().map(n => n.data('label')) : [];");
    }

    private static long statements() {
        return server.cg().store().read(d -> (long) d.getUnionGraph().size());
    }

    private static long pending() {
        return server.cg().proposals().list(Status.PENDING).size();
    }

    private static org.apache.jena.graph.Graph turtle(String ttl) {
        return RDFParser.fromString(ttl, Lang.TURTLE).toGraph();
    }

    private static WebDriverWait wait(WebDriver browser) {
        return Chromium.await(browser, Duration.ofSeconds(20));
    }

    private static void shoot(ChromeDriver browser, String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
