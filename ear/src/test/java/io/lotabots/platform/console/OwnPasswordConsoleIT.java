package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.TestTenant;
import io.lotabots.testsupport.TestUser;
import jakarta.json.JsonObject;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Anyone signed in changes their own password in the console: refusals on the fields, audit, new sign-in. */
class OwnPasswordConsoleIT {

    private static ConsoleBrowser browser;
    private static TestTenant tenant;

    @BeforeAll
    static void startBrowser() throws IOException {
        tenant = TestTenant.create("own-password");
        browser = new ConsoleBrowser();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    private static void signIn(TestUser user, String password) {
        browser.signedIn(tenant.name(), user.username(), password);
    }

    private static String errorOf(String fieldId) {
        Object message = browser.driver.executeScript(
                "return arguments[0].invalid ? arguments[0].errorMessage : '';",
                browser.driver.findElement(By.id(fieldId)));
        return String.valueOf(message);
    }

    @Test
    void anAuditorChangesTheirPasswordAndSignsInWithTheNewOne() {
        TestUser auditor = tenant.addUser("auditor", TestTenant.newPassword(), "AUDITOR");
        signIn(auditor, auditor.password());
        String fresh = TestTenant.newPassword();

        browser.click("own-password-button");
        browser.type("own-password-current", "not the password");
        browser.type("own-password-new", fresh);
        browser.type("own-password-repeat", fresh);
        browser.clickCentered("own-password-change");
        browser.wait
                .withMessage(() -> "the current-password error, shown: " + errorOf("own-password-current"))
                .until(d -> errorOf("own-password-current").contains("not correct"));
        assertEquals(200, tenant.login(auditor.username(), auditor.password()).statusCode(), "nothing changed");

        browser.type("own-password-current", auditor.password());
        browser.type("own-password-new", fresh);
        browser.type("own-password-repeat", fresh + "x");
        browser.clickCentered("own-password-change");
        browser.wait.until(d -> errorOf("own-password-repeat").contains("does not match"));

        browser.type("own-password-current", auditor.password());
        browser.type("own-password-new", "short");
        browser.type("own-password-repeat", "short");
        browser.clickCentered("own-password-change");
        browser.wait
                .withMessage(() -> "the policy's refusal on the new password: " + errorOf("own-password-new"))
                .until(d -> !errorOf("own-password-new").isEmpty());

        browser.type("own-password-current", auditor.password());
        browser.type("own-password-new", fresh);
        browser.type("own-password-repeat", fresh);
        browser.clickCentered("own-password-change");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-view")));

        assertEquals(401, tenant.login(auditor.username(), auditor.password()).statusCode(), "the old one is gone");
        signIn(auditor, fresh);
        assertEquals(auditor.username(), browser.textOf("console-user"));
        var events =
                tenant.admin().get("/api/v1/audit/events?action=identity.user.password-changed&actor=" + auditor.id());
        assertEquals(200, events.statusCode(), events.body());
        var items = io.lotabots.testsupport.ApiClient.json(events).getJsonArray("items");
        assertEquals(1, items.size(), items.toString());
        JsonObject event = items.getJsonObject(0);
        assertEquals(auditor.username(), event.getString("actorName"));
        assertTrue(event.getString("userAgent").contains("HeadlessChrome"), "the console's origin: " + event);
        browser.click("logout-button");
    }
}
