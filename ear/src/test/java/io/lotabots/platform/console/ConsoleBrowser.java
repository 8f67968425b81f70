package io.lotabots.platform.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driving the console (system property {@code app.base.url}); one per
 * test class, with its own profile and so its own console session. Screenshots go to target/screenshots.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final String BASE_URL = System.getProperty("app.base.url", "http://localhost:9080");
    static final String CONSOLE = BASE_URL + "/admin/";
    static final String ADMIN_PASSWORD = "integration-tests-only-Admin-Pass";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;

    ConsoleBrowser() throws IOException {
        // Debian's chromium and chromedriver only: no Selenium Manager, nothing fetched from the network
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        profile = Files.createTempDirectory("console-it-chromium");
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
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        // the browser's console log, where Chromium reports what the Content-Security-Policy blocked
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        driver = new ChromeDriver(options);
        // the first request after deployment starts Vaadin; a loaded 2-core machine needs time for that
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    /** Opens the console, which shows the login view, and signs in. */
    void signIn(String tenant, String username, String password) {
        driver.get(CONSOLE);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-view")));
        type("login-tenant", tenant);
        type("login-username", username);
        type("login-password", password);
        driver.findElement(By.id("login-button")).click();
    }

    /** Signs in and waits until the console shows the signed-in layout. */
    void signedIn(String tenant, String username, String password) {
        signIn(tenant, username, password);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout-button")));
    }

    /** Signs in as the test tenant's administrator and waits for the signed-in layout. */
    void signedInAsAdministratorOf(io.lotabots.testsupport.TestTenant tenant) {
        signedIn(
                tenant.name(),
                tenant.administrator().username(),
                tenant.administrator().password());
    }

    void signInAsAdmin() {
        signIn("default", "admin", ADMIN_PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout-button")));
    }

    /** Types into a Vaadin field: its native input is slotted into the light DOM. */
    void type(String fieldId, String text) {
        WebElement input =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + fieldId + " input")));
        // a field scrolled under the console's header bar takes no input
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.clear();
        input.sendKeys(text);
    }

    void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /**
     * Picks roles in a Vaadin multi-select combo box: types each to filter the list, clicks its item
     * in the overlay, then leaves the field so the overlay closes.
     */
    void chooseRoles(String fieldId, String... roles) {
        WebElement input =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + fieldId + " input")));
        for (String role : roles) {
            input.click();
            input.sendKeys(role);
            wait.until(ExpectedConditions.elementToBeClickable(
                            By.xpath("//vaadin-multi-select-combo-box-item[normalize-space(.)='" + role + "']")))
                    .click();
        }
        input.sendKeys(org.openqa.selenium.Keys.TAB);
        wait.withMessage(() -> fieldId + " to hold " + String.join(", ", roles) + ", holds " + chosen(fieldId))
                .until(d -> java.util.Arrays.stream(roles).allMatch(chosen(fieldId)::contains));
    }

    /** The items a multi-select combo box holds (their keys and labels, as JSON), as the browser sees them. */
    String chosen(String fieldId) {
        Object labels = driver.executeScript(
                "return JSON.stringify(arguments[0].selectedItems || []);", driver.findElement(By.id(fieldId)));
        return String.valueOf(labels);
    }

    /** Clicks the row of a grid whose cell shows exactly this text. */
    void selectRow(String gridId, String cellText) {
        wait.withMessage(() -> cellText + " in " + textOf(gridId))
                .until(d -> textOf(gridId).contains(cellText));
        clickCentered(By.xpath(
                "//vaadin-grid[@id='" + gridId + "']/vaadin-grid-cell-content[normalize-space(.)='" + cellText + "']"));
    }

    /**
     * Answers a confirmation dialog ({@code choice} "confirm" or "cancel") and waits until it has
     * closed: while a modal dialog is open, the rest of the page takes no input.
     */
    void answer(String dialogId, String choice) {
        clickCentered(dialogId + "-" + choice);
        wait.withMessage(() -> dialogId + " to close")
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id(dialogId + "-confirm")));
        wait.until(d -> d.findElements(By.cssSelector("vaadin-confirm-dialog-overlay[opened]"))
                .isEmpty());
    }

    /** Clicks by id after scrolling the element to the middle of the window. */
    void clickCentered(String id) {
        clickCentered(By.id(id));
    }

    /**
     * Scrolls the element to the middle of the window and clicks it, again while something covers it
     * (a notification at the bottom) or the page re-renders it.
     */
    void clickCentered(By target) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .ignoring(org.openqa.selenium.ElementNotInteractableException.class)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .withMessage(() -> "a click on " + target)
                .until(d -> {
                    WebElement element = d.findElement(target);
                    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
                    element.click();
                    return true;
                });
    }

    /** textContent rather than getText: grid cells live in slots, whose visibility is a shadow-DOM matter. */
    String textOf(String id) {
        try {
            return driver.findElements(By.id(id)).stream()
                    .findFirst()
                    .map(e -> e.getDomProperty("textContent").trim())
                    .orElse("");
        } catch (StaleElementReferenceException rerendered) {
            return "";
        }
    }

    /** The browser's cookies (session and Liberty's single sign-on token) for a request outside it. */
    String cookieHeader() {
        return driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** Only the cookies whose names pass the filter, as a Cookie header. */
    String cookieHeader(java.util.function.Predicate<String> names) {
        return driver.manage().getCookies().stream()
                .filter(c -> names.test(c.getName()))
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** Console messages since the last call in which the browser reports a Content-Security-Policy block. */
    java.util.List<String> contentSecurityPolicyViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("Screenshot " + name + " not taken: " + e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
