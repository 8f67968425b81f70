package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in Debian's headless Chromium against a running server (system property
 * {@code app.base.url}, default {@code http://localhost:9080}); screenshots go to target/screenshots.
 */
class AdminConsoleIT {

    private static final String CONSOLE = ConsoleBrowser.CONSOLE;
    private static final List<String> DEPENDENCIES = List.of("postgresql", "redis", "s3", "messaging");

    private static ConsoleBrowser browser;
    private static WebDriver driver;
    private static WebDriverWait wait;

    @RegisterExtension
    static final ConsoleSession SESSION = new ConsoleSession();

    @BeforeAll
    static void startBrowserAndSignIn() throws IOException {
        browser = SESSION.browser();
        driver = browser.driver;
        wait = browser.wait;
        browser.signInAsAdmin();
    }

    @Test
    void consoleRootListsEveryDependencyAsUp() {
        driver.get(CONSOLE + "dependencies");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dependency-grid")));
        for (String name : DEPENDENCIES) {
            wait.withMessage(() -> name + " shown as UP; page says: " + textOf("dependency-status-view"))
                    .until(d -> "UP".equals(textOf("status-" + name)));
            assertTrue(name.equalsIgnoreCase(textOf("name-" + name)), "row for " + name);
        }
        wait.until(ExpectedConditions.titleIs("Dependencies — LotaBots"));
        assertEquals("LotaBots", textOf("product-name"));
        screenshot("console-dependencies");
    }

    @Test
    void refreshProbesAgainAndShowsTheNewCheckTime() {
        driver.get(CONSOLE + "dependencies");
        wait.withMessage(() -> "a checked-at time for postgresql")
                .until(d -> !textOf("checked-at-postgresql").isEmpty());
        String before = textOf("checked-at-postgresql");

        driver.findElement(By.id("refresh-button")).click();

        wait.withMessage(() -> "checked-at to change from " + before).until(d -> {
            String after = textOf("checked-at-postgresql");
            return !after.isEmpty() && !after.equals(before);
        });
        assertEquals("UP", textOf("status-postgresql"));
    }

    @Test
    void unknownConsoleAddressShowsTheFriendlyNotFoundPage() {
        driver.get(CONSOLE + "no-such-console-page");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("not-found")));
        wait.until(ExpectedConditions.titleIs("Page not found — LotaBots"));
        assertTrue(textOf("not-found-path").contains("no-such-console-page"));
        String page = driver.getPageSource();
        assertFalse(page.contains("Exception"), "no exception shown to the user");
        assertFalse(page.contains("at io.lotabots"), "no stack trace shown to the user");
        assertEquals("LotaBots", textOf("product-name"), "the console frame stays around the error");
    }

    private static String textOf(String id) {
        return browser.textOf(id);
    }

    private static void screenshot(String name) {
        browser.screenshot(name);
    }
}
