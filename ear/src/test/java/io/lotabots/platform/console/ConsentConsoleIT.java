package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import io.lotabots.testsupport.TestUser;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Consent view in Debian Chromium: a compliance officer adds a purpose (a broken code is shown on its field),
 * records a consent collected elsewhere and reads its history and receipt, all of which the API then shows; an
 * auditor reads the same view without the forms.
 */
class ConsentConsoleIT {

    private static TestTenant tenant;
    private static TestUser officer;
    private static ConsoleBrowser browser;

    @RegisterExtension
    static final ConsoleSession SESSION = new ConsoleSession();

    @BeforeAll
    static void officerSignedIn() throws IOException {
        tenant = TestTenant.create("consent-console");
        officer = tenant.userWithRoles("COMPLIANCE_OFFICER");
        browser = SESSION.browser();
        browser.signedIn(tenant.name(), officer.username(), officer.password());
    }

    @Test
    void anOfficerAddsAPurposeRecordsAConsentAndReadsItsReceipt() {
        browser.click("nav-consent");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-view")));

        browser.click("purpose-form");
        browser.type("purpose-code", "Not A Code");
        browser.type("purpose-name", "Product research");
        browser.clickCentered("purpose-save");
        browser.wait.withMessage(() -> "an error on the code field").until(d -> String.valueOf(
                        browser.driver.executeScript(
                                "return arguments[0].invalid && arguments[0].errorMessage",
                                d.findElement(By.id("purpose-code"))))
                .contains("lowercase"));
        ApiClient api = officer.login();
        assertEquals(404, api.get("/api/v1/privacy/purposes/not-a-code").statusCode());

        browser.type("purpose-code", "research");
        typeArea("purpose-description", "Improving the product from usage records.");
        typeArea("purpose-policy", "We use your usage records to improve the product.");
        choose("purpose-basis", "CONSENT");
        browser.clickCentered("purpose-save");
        browser.wait
                .withMessage(() -> "research in " + browser.textOf("consent-purposes"))
                .until(d -> browser.textOf("consent-purposes").contains("research"));
        var purpose = api.get("/api/v1/privacy/purposes/research");
        assertEquals(200, purpose.statusCode(), purpose.body());
        assertEquals("CONSENT", ApiClient.json(purpose).getString("legalBasis"));

        String subject = "customer-" + UUID.randomUUID();
        browser.click("record-consent-form");
        browser.type("record-subject", subject);
        choose("record-purpose", "research");
        browser.clickCentered("record-save");
        browser.selectRow("consent-states", subject);

        JsonObject state = ApiClient.json(api.get(
                        "/api/v1/privacy/consents?subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8)))
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals("granted", state.getString("state"));
        JsonObject record = ApiClient.json(api.get("/api/v1/privacy/consent-records?subject="
                        + URLEncoder.encode(subject, StandardCharsets.UTF_8)))
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals("CONSOLE", record.getString("source"));
        assertEquals(officer.id().toString(), record.getString("recordedBy"));

        browser.wait
                .withMessage(() -> "the history in " + browser.textOf("consent-history"))
                .until(d -> browser.textOf("consent-history").contains("CONSOLE"));
        browser.clickCentered("receipt-" + record.getString("id"));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-receipt")));
        String receipt = browser.textOf("consent-receipt");
        assertTrue(receipt.contains("KI-CR-v1.1.0"), receipt);
        assertTrue(receipt.contains(subject), receipt);
        browser.screenshot("console-consent-receipt");
    }

    @Test
    void anAuditorReadsConsentsButHasNoFormsToChangeThem() throws IOException {
        TestUser auditor = tenant.userWithRoles("AUDITOR");
        try (var reader = new ConsoleBrowser()) {
            reader.signedIn(tenant.name(), auditor.username(), auditor.password());
            reader.click("nav-consent");
            reader.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-states")));
            assertTrue(reader.driver.findElements(By.id("purpose-form")).isEmpty());
            assertTrue(reader.driver.findElements(By.id("record-consent-form")).isEmpty());
        }
    }

    /** Types into a Vaadin text area, whose native element is a textarea, not an input. */
    private static void typeArea(String fieldId, String text) {
        var area = browser.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + fieldId + " textarea")));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", area);
        area.clear();
        area.sendKeys(text);
    }

    /** Picks an item in a Vaadin combo box by typing it and clicking it in the overlay. */
    private static void choose(String fieldId, String item) {
        var input =
                browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + fieldId + " input")));
        input.click();
        input.sendKeys(item);
        browser.clickCentered(By.xpath("//vaadin-combo-box-item[normalize-space(.)='" + item + "']"));
    }
}
