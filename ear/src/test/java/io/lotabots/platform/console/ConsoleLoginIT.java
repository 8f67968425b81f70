package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import jakarta.json.Json;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Signing in to the console with the platform identity: who gets in, who is refused, and signing out. */
class ConsoleLoginIT {

    private static final String DEVELOPER = "console-dev-" + System.nanoTime();
    private static final String DEVELOPER_PASSWORD = "console-developer-Passphrase-1";

    private static final String AUDITOR = "console-auditor-" + System.nanoTime();

    private static ConsoleBrowser browser;

    @RegisterExtension
    static final ConsoleSession SESSION = new ConsoleSession();

    @BeforeAll
    static void developerAndBrowser() throws IOException {
        var created = ApiClient.asAdmin()
                .postJson(
                        "/api/v1/identity/users",
                        Json.createObjectBuilder()
                                .add("username", DEVELOPER)
                                .add("password", DEVELOPER_PASSWORD)
                                .add("roles", Json.createArrayBuilder().add("DEVELOPER"))
                                .build()
                                .toString());
        assertEquals(201, created.statusCode(), created.body());
        var auditor = ApiClient.asAdmin()
                .postJson(
                        "/api/v1/identity/users",
                        Json.createObjectBuilder()
                                .add("username", AUDITOR)
                                .add("password", DEVELOPER_PASSWORD)
                                .add("roles", Json.createArrayBuilder().add("AUDITOR"))
                                .build()
                                .toString());
        assertEquals(201, auditor.statusCode(), auditor.body());
        browser = SESSION.browser();
    }

    /** A fresh console session per test. */
    @BeforeEach
    void signedOut() {
        browser.driver.get(ConsoleBrowser.CONSOLE);
        browser.driver.manage().deleteAllCookies();
    }

    @Test
    void adminSignsInAndSeesEveryView() {
        browser.signInAsAdmin();

        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("overview-view")));
        assertEquals("admin", browser.textOf("console-user"));
        assertTrue(browser.textOf("nav-users").contains("Users & roles"));
        assertTrue(browser.textOf("nav-audit").contains("Audit trail"));
        browser.screenshot("console-signed-in");
    }

    @Test
    void wrongPasswordStaysOnTheLoginViewWithAnError() {
        browser.signIn("default", DEVELOPER, "not-the-password-at-all");

        browser.wait.until(d -> browser.textOf("login-error").contains("Unknown tenant, username or password"));
        assertTrue(browser.driver.findElements(By.id("login-view")).size() == 1, "still on the login view");
        assertTrue(browser.driver.findElements(By.id("logout-button")).isEmpty(), "not signed in");
    }

    @Test
    void developerIsRefusedWithAClearMessage() {
        browser.signIn("default", DEVELOPER, DEVELOPER_PASSWORD);

        browser.wait.until(d -> browser.textOf("login-error").contains("no console role"));
        browser.driver.get(ConsoleBrowser.CONSOLE + "audit");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-view")));
        assertTrue(browser.driver.findElements(By.id("audit-grid")).isEmpty(), "no audit trail for a developer");
    }

    @Test
    void unknownTenantIsRefusedLikeAWrongPassword() {
        browser.signIn("no-such-tenant-" + System.nanoTime(), "admin", ConsoleBrowser.ADMIN_PASSWORD);

        browser.wait.until(d -> browser.textOf("login-error").contains("Unknown tenant, username or password"));
    }

    @Test
    void everyConsoleRouteShowsTheLoginViewWithoutASession() {
        for (String route : new String[] {"", "dependencies", "users", "audit"}) {
            browser.driver.get(ConsoleBrowser.CONSOLE + route);
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-view")));
            assertTrue(browser.driver.findElements(By.id("dependency-grid")).isEmpty(), route);
        }
    }

    @Test
    void logoutReturnsToTheLoginViewAndEndsTheSession() {
        browser.signInAsAdmin();

        browser.click("logout-button");

        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-view")));
        browser.driver.get(ConsoleBrowser.CONSOLE + "users");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-view")));
        assertTrue(browser.driver.findElements(By.id("users-grid")).isEmpty(), "the session is gone");
    }

    @Test
    void auditorSeesTheAuditTrailButNotUserManagement() {
        browser.signedIn("default", AUDITOR, DEVELOPER_PASSWORD);

        assertTrue(browser.textOf("nav-audit").contains("Audit trail"));
        assertTrue(browser.driver.findElements(By.id("nav-users")).isEmpty(), "no Users & roles entry");
        browser.driver.get(ConsoleBrowser.CONSOLE + "users");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("overview-view")));
        assertTrue(browser.driver.findElements(By.id("users-grid")).isEmpty(), "the users view stays closed");
        browser.driver.get(ConsoleBrowser.CONSOLE + "audit");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-grid")));
    }
}
