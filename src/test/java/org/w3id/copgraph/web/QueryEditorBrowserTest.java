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
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Server;

/** The editor in a real browser: Debian's headless Chromium runs a curated example on /sparql. */
class QueryEditorBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static Server app;

    @BeforeAll
    static void start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must have chromium and chromium-driver (.ci/run installs them)");
        }
        assumeTrue(present, "Skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed"
                + " (apt-get install -y chromium chromium-driver)");
        app = Fixtures.server();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private static ChromeDriver browser() throws java.io.IOException {
        Path profile = Files.createTempDirectory("copgraph-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @Test
    void aCuratedQueryOpensWithItsSelectInSightNoParameterColumnAndLocalLinks() throws Exception {
        ChromeDriver driver = browser();
        try {
            driver.get("http://localhost:" + app.port() + "/query-editor?curated=cop-members&cop=/id/cop/urbana");
            WebDriverWait wait = Chromium.await(driver, Duration.ofSeconds(30));
            wait.until(d -> d.findElements(By.cssSelector(".yasr table td")).stream()
                    .anyMatch(c -> c.getText().contains("Duncan Crowley")));
            // The SELECT line lies within the editor's visible area.
            Object selectInSight = driver.executeScript(
                    "var cm = document.querySelector('.yasqe .CodeMirror');"
                    + "var box = cm.getBoundingClientRect();"
                    + "var kw = Array.from(cm.querySelectorAll('.cm-keyword')).find(function (e) { return e.textContent === 'SELECT'; });"
                    + "if (!kw) { return false; } var r = kw.getBoundingClientRect();"
                    + "return r.top >= box.top && r.bottom <= box.bottom;");
            assertThat(selectInSight).isEqualTo(Boolean.TRUE);
            List<String> headers = driver.findElements(By.cssSelector(".yasr table th")).stream().map(WebElement::getText).toList();
            assertThat(headers).noneMatch(h -> h.contains("_cop_iri"));
            // The graph's IRIs open their page on this host.
            List<String> hrefs = driver.findElements(By.cssSelector(".yasr table td a")).stream()
                    .map(a -> a.getAttribute("href")).toList();
            assertThat(hrefs).anyMatch(h -> h.equals("http://localhost:" + app.port() + "/id/person/duncan-crowley"));
            assertThat(hrefs).noneMatch(h -> h.startsWith("https://w3id.org/copgraph/id/"));
            Path shots = Path.of("target/screenshots");
            Files.createDirectories(shots);
            Files.write(shots.resolve("query-editor-curated.png"), driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.quit();
        }
    }

    @Test
    void aCuratedExampleRunsAndItsQueryGoesIntoTheAddress() throws Exception {
        Path profile = Files.createTempDirectory("copgraph-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.get("http://localhost:" + app.port() + "/query-editor");
            WebDriverWait wait = Chromium.await(driver, Duration.ofSeconds(30));
            wait.until(d -> !d.findElements(By.cssSelector(".yasqe .CodeMirror")).isEmpty());
            WebElement example = driver.findElements(By.cssSelector("button.example")).stream()
                    .filter(b -> b.getText().contains("Communities of practice with their domains"))
                    .findFirst().orElseThrow();
            example.click();
            wait.until(d -> {
                List<WebElement> cells = d.findElements(By.cssSelector(".yasr table td"));
                return cells.stream().anyMatch(c -> c.getText().contains("UrbanA"));
            });
            String url = driver.getCurrentUrl();
            assertThat(url).contains("query=");
            assertThat(java.net.URLDecoder.decode(url, java.nio.charset.StandardCharsets.UTF_8))
                    .contains("CommunityOfPractice");
            Path shots = Path.of("target/screenshots");
            Files.createDirectories(shots);
            Files.write(shots.resolve("query-editor.png"), driver.getScreenshotAs(OutputType.BYTES));

            // The shared link opens the same query in a fresh editor.
            driver.manage().deleteAllCookies();
            driver.executeScript("window.localStorage.clear()");
            driver.get(url);
            wait.until(d -> !d.findElements(By.cssSelector(".yasqe .CodeMirror")).isEmpty());
            Object text = driver.executeScript("return window.copgraphYasgui.getTab().getYasqe().getValue()");
            assertThat(String.valueOf(text)).contains("CommunityOfPractice");
        } finally {
            driver.quit();
        }
    }
}
