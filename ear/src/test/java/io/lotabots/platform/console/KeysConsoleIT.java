package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Keys view in Debian's Chromium: an administrator sees the tenant's KEK versions with their ages and
 * data keys as {@code GET /api/v1/keys} reports them, and *Rotate now* (after confirming; cancelling changes
 * nothing) makes a new version current, as the API then reads, audited with the administrator as actor.
 * Other roles neither see nor open the view (DocumentConsoleIT).
 */
class KeysConsoleIT {

    private static TestTenant tenant;
    private static ApiClient admin;
    private static ConsoleBrowser browser;

    @RegisterExtension
    static final ConsoleSession SESSION = new ConsoleSession();

    @BeforeAll
    static void tenantWithStoredDataAndAnAdministratorInTheConsole() throws IOException {
        AttestationConsoleIT.awaitApplication();
        tenant = TestTenant.create("keys-console");
        admin = tenant.admin();
        // stored content makes the tenant's first KEK version and a data key under it
        DocumentConsoleIT.apiUploadAs(admin, "keys-console", "encrypted at rest\n".getBytes(StandardCharsets.UTF_8));
        browser = SESSION.browser();
        browser.signedInAsAdministratorOf(tenant);
    }

    private static JsonObject apiKeys() {
        var keys = admin.get("/api/v1/keys");
        assertEquals(200, keys.statusCode(), keys.body());
        return ApiClient.json(keys);
    }

    private static int currentVersion(JsonObject keys) {
        return keys.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(k -> k.getString("state").equals("CURRENT"))
                .mapToInt(k -> k.getInt("version"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no current version in " + keys));
    }

    @Test
    void showsVersionsWithAgesAndDataKeysAndRotatesAfterConfirmation() {
        JsonObject before = apiKeys();
        int version = currentVersion(before);
        browser.click("nav-keys");
        browser.wait
                .withMessage(() -> "version " + version + " in " + browser.textOf("keys-current"))
                .until(d -> browser.textOf("keys-current").contains("Current version " + version + " "));
        String shown = browser.textOf("keys-current");
        var wraps = java.util.regex.Pattern.compile("wraps (\\d+) data keys").matcher(shown);
        assertTrue(wraps.find(), shown);
        long dataKeys = Long.parseLong(wraps.group(1));
        // the stored document's data key at least; the tenant's other objects (audit copies) may add some meanwhile
        long apiDataKeys = apiKeys().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(k -> k.getInt("version") == version)
                .mapToLong(k -> k.getJsonNumber("dataKeys").longValue())
                .sum();
        assertTrue(dataKeys >= 1 && dataKeys <= apiDataKeys, shown + " vs the API's " + apiDataKeys);
        // an age as people read it: "12 s", "3 min", "1 d 2 h 3 min"
        assertTrue(shown.matches("(?s).*, \\d+ (s|min) old.*"), shown);
        String grid = browser.textOf("keys-grid");
        assertTrue(grid.contains("CURRENT") && !grid.contains("RETIRED"), grid);
        assertTrue(browser.textOf("keys-next-rotation").contains("due at"), browser.textOf("keys-next-rotation"));
        assertTrue(browser.textOf("keys-rewrap").contains("done"), browser.textOf("keys-rewrap"));

        browser.click("keys-rotate");
        browser.answer("keys-rotate-dialog", "cancel");
        assertEquals(version, currentVersion(apiKeys()), "cancel rotates nothing");

        browser.click("keys-rotate");
        browser.answer("keys-rotate-dialog", "confirm");
        int rotated = version + 1;
        browser.wait
                .withMessage(() -> "version " + rotated + " current in " + browser.textOf("keys-current"))
                .until(d -> browser.textOf("keys-current").contains("Current version " + rotated + " "));
        assertTrue(browser.textOf("keys-grid").contains("RETIRED"), "the old version is retired");
        JsonObject after = apiKeys();
        assertEquals(rotated, currentVersion(after), after.toString());
        assertEquals(0, after.getJsonNumber("dataKeysToRewrap").longValue(), "every data key re-wrapped");
        var audit = admin.get("/api/v1/audit/events?action=keys.kek-rotated");
        assertEquals(200, audit.statusCode(), audit.body());
        assertTrue(audit.body().contains(tenant.adminId().toString()), "the console's administrator: " + audit.body());
    }
}
