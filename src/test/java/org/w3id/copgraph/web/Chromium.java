package org.w3id.copgraph.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian Chromium for the browser tests, with the browser console kept for reading.
 * Where Chromium (or something else a test needs) is missing, the test is skipped saying why;
 * in CI (CI=true), where .ci/run installs it, a missing one fails instead.
 */
final class Chromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** A browser of {@code width}x{@code height}; {@code alsoNeeded} are files the test needs beside it. */
    static ChromeDriver start(String test, int width, int height, Path... alsoNeeded) throws IOException {
        return start(test, width, height, true, alsoNeeded);
    }

    /**
     * As {@link #start(String, int, int, Path...)}; with {@code javascript} false, pages run no
     * script of their own (for checking that a page works without it; the driver's own commands still work).
     */
    static ChromeDriver start(String test, int width, int height, boolean javascript, Path... alsoNeeded) throws IOException {
        boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        for (Path p : alsoNeeded) {
            installed &= Files.isRegularFile(p);
        }
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run " + test + ": install chromium, chromium-driver (and npm axe-core"
                    + " into .ci/axe); .ci/run does");
        }
        assumeTrue(installed, "Chromium (apt-get install -y chromium chromium-driver) or axe-core (npm install --prefix"
                + " .ci/axe) is not installed; skipping " + test);
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + width + "," + height, "--user-data-dir=" + Files.createTempDirectory("copgraph-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        if (!javascript) {
            options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        return new ChromeDriver(options);
    }

    /** axe-core, installed by .ci/run (npm) into .ci/axe. */
    /**
     * A wait for a page that may be replaced while it is being read: an element found on the page
     * a click is leaving can be gone by the time its text is asked for (a stale element), which
     * says "not yet", not "failed".
     */
    static org.openqa.selenium.support.ui.WebDriverWait await(org.openqa.selenium.WebDriver browser, java.time.Duration timeout) {
        org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, timeout);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /**
     * Whether {@code element} has left the page (a click replaced the page): as Selenium's
     * {@code stalenessOf}, and also when Chromium, asked in the middle of the navigation, says
     * the node "does not belong to the document" rather than that it is stale.
     */
    static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> gone(org.openqa.selenium.WebElement element) {
        return d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    static final Path AXE = Path.of(".ci/axe/node_modules/axe-core/axe.min.js");

    /** axe-core's serious and critical violations on the browser's current page, as "rule: help (first target)". */
    @SuppressWarnings("unchecked")
    static java.util.List<String> seriousAxeViolations(ChromeDriver browser) throws IOException {
        browser.executeScript(java.nio.file.Files.readString(AXE));
        Object result = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({id: v.id,"
                + " impact: v.impact, help: v.help, target: String(v.nodes[0].target)}))))"
                + ".catch(e => done([{id: 'axe-failed', impact: 'critical', help: String(e), target: ''}]));");
        java.util.List<String> out = new java.util.ArrayList<>();
        for (java.util.Map<String, Object> v : (java.util.List<java.util.Map<String, Object>>) result) {
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                out.add(v.get("id") + ": " + v.get("help") + " (" + v.get("target") + ")");
            }
        }
        return out;
    }
}
