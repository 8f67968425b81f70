package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The administrator's views: users & roles, and the audit trail with its CSV export. */
class ConsoleViewsIT {

    private static ConsoleBrowser browser;

    @RegisterExtension
    static final ConsoleSession SESSION = new ConsoleSession();

    @BeforeAll
    static void signIn() throws IOException {
        browser = SESSION.browser();
        browser.signInAsAdmin();
    }

    @Test
    void createdUserIsListed() {
        String username = "console-made-" + System.nanoTime();
        browser.click("nav-users");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("users-grid")));

        browser.type("new-user-name", username);
        browser.type("new-user-password", "console-made-Passphrase-42");
        browser.chooseRoles("new-user-roles", "AUDITOR");
        browser.click("create-user-button");
        browser.type("users-filter", username);

        browser.wait.withMessage(() -> username + " in the users grid").until(d -> browser.textOf("users-grid")
                .contains(username));
        browser.screenshot("console-users");
    }

    @Test
    void selectedUserCanBeDisabled() {
        String username = "console-off-" + System.nanoTime();
        browser.click("nav-users");
        browser.type("new-user-name", username);
        browser.type("new-user-password", "console-made-Passphrase-42");
        browser.chooseRoles("new-user-roles", "AUDITOR");
        browser.click("create-user-button");
        browser.type("users-filter", username);
        browser.wait.until(d -> browser.textOf("users-grid").contains(username));

        browser.wait
                .until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//vaadin-grid[@id='users-grid']/vaadin-grid-cell-content[normalize-space(.)='"
                                + username + "']")))
                .click();
        browser.wait.until(d -> browser.textOf("selected-user").equals(username));
        browser.click("toggle-enabled-button");
        browser.click("disable-user-dialog-confirm");

        browser.wait
                .withMessage(() -> username + " disabled in " + browser.textOf("users-grid"))
                .until(d -> browser.textOf("users-grid").contains("disabled"));
    }

    @Test
    void auditTrailListsTheConsoleLoginAndVerifiesTheChain() {
        browser.click("nav-audit");
        browser.type("audit-action", "auth.login.succeeded");
        browser.click("audit-search");

        browser.wait
                .withMessage(() -> "a login event in " + browser.textOf("audit-grid"))
                .until(d -> browser.textOf("audit-grid").contains("auth.login.succeeded"));
        By loginRow = By.xpath(
                "//vaadin-grid[@id='audit-grid']/vaadin-grid-cell-content[normalize-space(.)='auth.login.succeeded']");
        // the grid may still be re-rendering its rows from the search: click again until one takes
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .ignoring(ElementNotInteractableException.class)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> {
                    d.findElement(loginRow).click();
                    return true;
                });
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-detail-json")));
        assertTrue(browser.driver.getPageSource().contains("HeadlessChrome"), "the console login carries its origin");
        browser.click("audit-detail-close");
        browser.click("audit-verify");
        browser.wait
                .withMessage(() -> "a verification result in " + browser.textOf("audit-chain-status"))
                .until(d -> browser.textOf("audit-chain-status").contains("Last verified"));
        browser.screenshot("console-audit");
    }

    @Test
    void csvExportAnswersTextCsvWithAHeader() throws Exception {
        browser.click("nav-audit");
        var anchor = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-csv")));
        String href = anchor.getDomAttribute("href");
        URI csv = URI.create(ConsoleBrowser.CONSOLE).resolve(href);

        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(csv)
                                .header("Cookie", browser.cookieHeader())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(response.body().startsWith("event_id,sequence,occurred_at"), response.body());
        assertTrue(response.body().contains("\"auth.login.succeeded\""), "the console login is exported");
    }

    @Test
    void csvWithoutTheSessionIsNotServed() throws Exception {
        browser.click("nav-audit");
        var anchor = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-csv")));
        URI csv = URI.create(ConsoleBrowser.CONSOLE).resolve(anchor.getDomAttribute("href"));

        var response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(csv).build(), HttpResponse.BodyHandlers.ofString());

        assertTrue(response.statusCode() != 200 || !response.body().contains("event_id"), "no export for strangers");
    }

    @Test
    void csvWithTheSessionButWithoutTheSignInGetsAPlainPageNotAStackTrace() throws Exception {
        browser.click("nav-audit");
        var anchor = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-csv")));
        URI csv = URI.create(ConsoleBrowser.CONSOLE).resolve(anchor.getDomAttribute("href"));
        String sessionOnly = browser.cookieHeader(name -> name.equals("JSESSIONID"));
        assertTrue(sessionOnly.startsWith("JSESSIONID="), "the browser has a session: " + browser.cookieHeader());

        var response = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .build()
                .send(
                        HttpRequest.newBuilder(csv)
                                .timeout(Duration.ofSeconds(30))
                                .header("Cookie", sessionOnly)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(response.body().contains("Please sign in again"), response.body());
        for (String leak : List.of("SESN0008E", "Exception", "at com.ibm", "event_id")) {
            assertFalse(response.body().contains(leak), leak + " in " + response.body());
        }
        assertTrue(
                response.headers().allValues("Set-Cookie").stream()
                        .anyMatch(c -> c.startsWith("JSESSIONID=;") || c.startsWith("JSESSIONID=\"\";")),
                "the foreign session cookie is dropped: " + response.headers().allValues("Set-Cookie"));
        var withSignIn = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(csv)
                                .timeout(Duration.ofSeconds(30))
                                .header("Cookie", browser.cookieHeader())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withSignIn.statusCode(), "with its sign-in cookie the same session still downloads");
    }
}
