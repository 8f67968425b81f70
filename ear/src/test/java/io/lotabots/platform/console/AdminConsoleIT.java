package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in Debian's headless Chromium against a running server (system property
 * {@code app.base.url}, default {@code http://localhost:9080}); screenshots go to target/screenshots.
 */
class AdminConsoleIT {

    private static final String BASE_URL = System.getProperty("app.base.url", "http://localhost:9080");
    private static final String CONSOLE = BASE_URL + "/admin/";
    private static final List<String> DEPENDENCIES = List.of("postgresql", "redis", "s3", "messaging");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Path profile;
    private static WebDriver driver;
    private static WebDriverWait wait;

    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            screenshot("failed-" + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeAll
    static void startBrowser() throws IOException {
        // Debian's chromium and chromedriver only: no Selenium Manager, nothing fetched from the network
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        profile = Files.createTempDirectory("admin-console-it-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        driver = new ChromeDriver(options);
        // the first request after deployment starts Vaadin; a loaded 2-core machine needs time for that
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void consoleRootListsEveryDependencyAsUp() {
        driver.get(CONSOLE);
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
        driver.get(CONSOLE);
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

    /** textContent rather than getText: cells live in the grid's slots, whose visibility is a shadow-DOM matter. */
    private static String textOf(String id) {
        try {
            return driver.findElements(By.id(id)).stream()
                    .findFirst()
                    .map(e -> e.getDomProperty("textContent").trim())
                    .orElse("");
        } catch (StaleElementReferenceException rerendered) {
            return "";
        }
    }

    private static void screenshot(String name) {
        if (driver == null) {
            return;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("Screenshot " + name + " not taken: " + e);
        }
    }
}
