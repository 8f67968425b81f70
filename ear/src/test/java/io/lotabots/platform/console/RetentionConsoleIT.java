package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.document.DocumentForms;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import io.lotabots.testsupport.TestUser;
import jakarta.json.JsonObject;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Retention & holds view in Debian Chromium: a compliance officer sees the periods in force, places a hold on
 * a document (a subject hold without its subject is shown on the field), and releases it with a reason; the API
 * then shows both as the officer's. An auditor reads the view without the form or release buttons.
 */
class RetentionConsoleIT {

    private static TestTenant tenant;
    private static TestUser officer;
    private static ConsoleBrowser browser;

    @RegisterExtension
    static final ConsoleSession SESSION = new ConsoleSession();

    @BeforeAll
    static void officerSignedIn() throws IOException {
        tenant = TestTenant.create("retention-console");
        officer = tenant.userWithRoles("COMPLIANCE_OFFICER");
        browser = SESSION.browser();
        browser.signedIn(tenant.name(), officer.username(), officer.password());
    }

    @Test
    void anOfficerPlacesAndReleasesAHoldWithReasons() {
        String document = DocumentForms.upload(tenant.admin(), "contract under hold");
        browser.click("nav-retention");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("retention-view")));
        browser.wait
                .withMessage(() -> "the periods in " + browser.textOf("retention-periods"))
                .until(d -> browser.textOf("retention-periods").contains("P1095D"));
        assertTrue(browser.textOf("retention-kept").contains("audit-events"));

        ApiClient api = officer.login();
        int before = holds(api).size();
        browser.click("place-hold-form");
        choose("hold-scope", "subject");
        browser.type("hold-reason", "Case 17");
        browser.clickCentered("hold-save");
        browser.wait
                .withMessage(() -> "an error on the subject field")
                .until(d -> Boolean.TRUE.equals(browser.driver.executeScript(
                        "return arguments[0].invalid", d.findElement(By.id("hold-subject")))));
        assertEquals(before, holds(api).size(), "nothing placed");

        choose("hold-scope", "object");
        choose("hold-object-type", "document");
        browser.type("hold-object-id", document);
        browser.clickCentered("hold-save");
        browser.wait
                .withMessage(() -> "the hold in " + browser.textOf("legal-holds"))
                .until(d -> browser.textOf("legal-holds").contains("document " + document));
        JsonObject hold = holdOn(api, document);
        assertTrue(hold.getBoolean("active"));
        assertEquals(document, hold.getString("objectId"));
        assertEquals(officer.id().toString(), hold.getString("placedBy"));

        browser.clickCentered("release-" + hold.getString("id"));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("release-reason")));
        browser.type("release-reason", "Case 17 closed");
        browser.clickCentered("release-confirm");
        browser.wait
                .withMessage(() -> "the release in " + browser.textOf("legal-holds"))
                .until(d -> browser.textOf("legal-holds").contains("Case 17 closed"));
        JsonObject released = holdOn(api, document);
        assertFalse(released.getBoolean("active"));
        assertEquals(officer.id().toString(), released.getString("releasedBy"));
        browser.screenshot("console-retention-holds");
    }

    @Test
    void anAuditorReadsHoldsButCannotPlaceOrReleaseThem() throws IOException {
        var hold = tenant.admin()
                .postJson("/api/v1/privacy/legal-holds", "{\"scope\": \"tenant\", \"reason\": \"Audit 2026\"}");
        assertEquals(201, hold.statusCode(), hold.body());
        String id = ApiClient.json(hold).getString("id");
        TestUser auditor = tenant.userWithRoles("AUDITOR");
        try (var reader = new ConsoleBrowser()) {
            reader.signedIn(tenant.name(), auditor.username(), auditor.password());
            reader.click("nav-retention");
            reader.wait.until(d -> reader.textOf("legal-holds").contains("Audit 2026"));
            assertTrue(reader.driver.findElements(By.id("place-hold-form")).isEmpty());
            assertTrue(reader.driver.findElements(By.id("release-" + id)).isEmpty());
        }
    }

    private static JsonObject holdOn(ApiClient api, String objectId) {
        return holds(api).getValuesAs(JsonObject.class).stream()
                .filter(h -> objectId.equals(h.getString("objectId", null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no hold on " + objectId));
    }

    private static jakarta.json.JsonArray holds(ApiClient api) {
        return ApiClient.json(api.get("/api/v1/privacy/legal-holds")).getJsonArray("items");
    }

    /** Picks an item in a Vaadin combo box by typing it and clicking it in the overlay. */
    private static void choose(String fieldId, String item) {
        var input =
                browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + fieldId + " input")));
        input.click();
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), item);
        browser.clickCentered(By.xpath("//vaadin-combo-box-item[normalize-space(.)='" + item + "']"));
    }
}
