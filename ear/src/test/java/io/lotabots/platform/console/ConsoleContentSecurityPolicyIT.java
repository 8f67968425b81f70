package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console works under its Content-Security-Policy: signing in and every view, with Chromium
 * reporting nothing the policy blocked (a policy too strict for Vaadin shows up here, not in users'
 * browsers), while the policy still refuses what the console does not need.
 */
class ConsoleContentSecurityPolicyIT {

    private static ConsoleBrowser browser;

    @RegisterExtension
    static final ConsoleSession SESSION = new ConsoleSession();

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = SESSION.browser();
    }

    @Test
    void signInAndEveryViewRunWithoutAPolicyViolation() {
        List<String> violations = new ArrayList<>();
        browser.signInAsAdmin();
        violations.addAll(browser.contentSecurityPolicyViolations());

        for (var view : Map.of(
                        "nav-users", "users-grid",
                        "nav-audit", "audit-grid",
                        "nav-attestations", "attestations-grid",
                        "nav-policies", "policies-grid",
                        "nav-devices", "devices-grid")
                .entrySet()) {
            browser.click(view.getKey());
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id(view.getValue())));
            violations.addAll(browser.contentSecurityPolicyViolations());
        }

        assertEquals(List.of(), violations);
    }

    @Test
    void thePolicyBlocksScriptFromAnotherOrigin() {
        browser.driver.get(ConsoleBrowser.CONSOLE);
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#login-view, #overview-view, #dependency-status-view")));
        browser.contentSecurityPolicyViolations();

        browser.driver.executeScript(
                "var s = document.createElement('script'); s.src = 'https://cdn.example.invalid/x.js';"
                        + " document.head.appendChild(s);");

        List<String> reported = browser.wait.until(d -> {
            var violations = browser.contentSecurityPolicyViolations();
            return violations.isEmpty() ? null : violations;
        });
        assertTrue(reported.get(0).contains("cdn.example.invalid"), reported.toString());
    }
}
