package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.document.DocumentForms;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.TestTenant;
import io.lotabots.testsupport.TestUser;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Data-subject requests view in Debian Chromium: a second officer approves an erasure another filed, sees it
 * run to its certificate, and the overview's request tiles show the API's numbers.
 */
class SubjectRequestsConsoleIT {

    private static final String REQUESTS = "/api/v1/privacy/requests";

    private static TestTenant tenant;
    private static TestUser approver;
    private static ConsoleBrowser browser;

    @RegisterExtension
    static final ConsoleSession SESSION = new ConsoleSession();

    @BeforeAll
    static void officerSignedIn() throws IOException {
        tenant = TestTenant.create("dsr-console");
        approver = tenant.userWithRoles("COMPLIANCE_OFFICER");
        browser = SESSION.browser();
        browser.signedIn(tenant.name(), approver.username(), approver.password());
    }

    @Test
    void anOfficerApprovesAnErasureInTheConsoleAndReadsItsCertificate() {
        TestUser subject = tenant.userWithRoles("DEVELOPER");
        String document = DocumentForms.upload(subject.login(), "notes of " + subject.username());
        ApiClient requester = tenant.userWithRoles("COMPLIANCE_OFFICER").login();
        var filed = requester.postJson(REQUESTS, "{\"type\": \"erasure\", \"subject\": \"" + subject.id() + "\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        String id = ApiClient.json(filed).getString("id");

        browser.click("nav-privacy-requests");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("subject-requests-view")));
        browser.selectRow("dsr-grid", subject.id().toString());
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dsr-approve")));
        browser.clickCentered("dsr-approve");
        browser.wait
                .withMessage(() -> "the reason to be required")
                .until(d -> Boolean.TRUE.equals(browser.driver.executeScript(
                        "return arguments[0].invalid", d.findElement(By.id("dsr-reason")))));
        var area =
                browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dsr-reason textarea")));
        area.sendKeys("Identity checked against the contract.");
        browser.clickCentered("dsr-approve");

        JsonObject done = Eventually.await(
                Duration.ofSeconds(60),
                () -> ApiClient.json(requester.get(REQUESTS + "/" + id)),
                r -> r.getString("state").equals("COMPLETED")
                        || r.getString("state").equals("FAILED"),
                "the erasure approved in the console to finish");
        assertEquals("COMPLETED", done.getString("state"), done.toString());
        assertEquals(approver.id().toString(), done.getString("decidedBy"));
        assertEquals(404, requester.get("/api/v1/documents/" + document).statusCode());

        browser.clickCentered("dsr-refresh");
        browser.selectRow("dsr-grid", subject.id().toString());
        browser.wait
                .withMessage(() -> "the certificate in " + browser.textOf("dsr-detail"))
                .until(d -> browser.textOf("dsr-certificate").contains("lotabots/erasure-certificate/2"));
        assertTrue(browser.textOf("dsr-summary").contains("COMPLETED"), browser.textOf("dsr-summary"));
        browser.screenshot("console-erasure-certificate");

        browser.click("nav-overview");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("overview-dsr-overdue")));
        int completed = ApiClient.json(requester.get(REQUESTS + "?state=completed&limit=200"))
                .getJsonArray("items")
                .size();
        assertEquals(Integer.toString(completed), browser.textOf("overview-dsr-completed"));
        assertEquals("0", browser.textOf("overview-dsr-overdue"));
    }
}
