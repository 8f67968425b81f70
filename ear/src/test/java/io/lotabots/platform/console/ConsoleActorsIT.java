package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testkit.tpm.AkKind;
import io.lotabots.testkit.tpm.SoftwareTpm;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every write an administrator makes in the console is audited with them as the actor, exactly as
 * through the API, and the console refuses what the API refuses (the identity boundary's rules),
 * showing each problem on its field; revoking a key and disabling a user ask first.
 */
class ConsoleActorsIT {

    private static final String USERS = "/api/v1/identity/users";
    private static final String KEYS = "/api/v1/identity/api-keys";
    private static final int LOCK_AFTER = 10;

    private static TestTenant tenant;
    private static ApiClient admin;
    private static ConsoleBrowser browser;

    @RegisterExtension
    static final ConsoleSession SESSION = new ConsoleSession();

    @BeforeAll
    static void signInAsTheTenantsAdministrator() throws IOException {
        AttestationConsoleIT.awaitApplication();
        tenant = TestTenant.create("console-actors");
        admin = tenant.admin();
        browser = SESSION.browser();
        browser.signedInAsAdministratorOf(tenant);
    }

    @Test
    void everyIdentityChangeMadeInTheConsoleNamesTheSignedInAdministrator() {
        String username = "actor-user-" + suffix();
        String keyName = "actor-key-" + suffix();
        String locked = lockedUser();
        openUsers();

        createUser(username, "console-actors-Passphrase-1", "AUDITOR");
        String userId = userId(username).orElseThrow(() -> new AssertionError(username + " not created"));
        selectUser(username);
        browser.chooseRoles("selected-user-roles", "OPERATOR");
        browser.clickCentered("save-roles-button");
        awaitRoles(userId, List.of("AUDITOR", "OPERATOR"));

        String keyId = issueKey(keyName, "DEVELOPER");
        browser.selectRow("keys-grid", keyName);
        browser.clickCentered("revoke-key-button");
        browser.answer("revoke-key-dialog", "confirm");
        browser.wait
                .withMessage(() -> keyName + " revoked in the API")
                .until(d -> ApiClient.json(admin.get(KEYS + "/" + keyId)).containsKey("revokedAt"));

        selectUser(locked);
        browser.clickCentered("unlock-button");
        browser.wait
                .withMessage(() -> locked + " no longer locked")
                .until(d -> !admin.get("/api/v1/identity/lockouts").body().contains(locked));

        selectUser(username);
        browser.clickCentered("toggle-enabled-button");
        browser.answer("disable-user-dialog", "confirm");
        browser.wait
                .withMessage(() -> username + " disabled in the API")
                .until(d -> !ApiClient.json(admin.get(USERS + "/" + userId)).getBoolean("enabled"));

        for (String action : List.of(
                "identity.user.created",
                "identity.user.roles-changed",
                "identity.api-key.issued",
                "identity.api-key.revoked",
                "auth.lockout.lifted",
                "identity.user.disabled")) {
            assertAttributedToTheAdministrator(events("action=" + action), action);
        }
    }

    @Test
    void aPolicyWrittenAndADeviceRetiredInTheConsoleNameTheSignedInAdministrator() {
        String deviceId = enrollDevice();
        String policy = "actors-" + suffix();

        browser.clickCentered("nav-policies");
        browser.clickCentered("policy-create");
        browser.type("policy-name", policy);
        browser.type("policy-selection", "sha256:0,1,2");
        browser.clickCentered("policy-save");
        browser.wait
                .withMessage(() -> policy + " in " + browser.textOf("policies-grid"))
                .until(d -> browser.textOf("policies-grid").contains(policy));

        browser.clickCentered("nav-devices");
        browser.selectRow("devices-grid", deviceId);
        browser.wait.until(d -> browser.textOf("device-detail-id").contains(deviceId));
        browser.clickCentered("device-retire");
        browser.clickCentered("device-retire-confirm");
        browser.wait.until(d -> browser.textOf("device-detail-status").contains("RETIRED"));

        assertAttributedToTheAdministrator(
                events("targetType=hardware-policy&targetId=" + policy), "hardware-policy.created");
        var retired = events("action=device.retired&targetType=device&targetId=" + deviceId);
        assertAttributedToTheAdministrator(retired, "device.retired");
    }

    @Test
    void aUserWithoutRolesIsRefusedOnTheRolesFieldAndNothingIsCreated() {
        String username = "no-role-" + suffix();
        openUsers();

        browser.type("new-user-name", username);
        browser.type("new-user-password", "console-actors-Passphrase-2");
        browser.clickCentered("create-user-button");

        browser.wait
                .withMessage(() -> "an error on the roles field: " + browser.textOf("new-user-roles"))
                .until(d -> browser.textOf("new-user-roles").contains("at least one role"));
        assertEquals(Optional.empty(), userId(username), "the API has no such user");
        assertTrue(
                events("action=identity.user.created").stream()
                        .noneMatch(e -> e.toString().contains(username)),
                "nothing audited");
    }

    @Test
    void aWeakPasswordIsRefusedNamingEveryRuleItBreaks() {
        String username = "weak-" + suffix();
        openUsers();

        browser.type("new-user-name", username);
        browser.type("new-user-password", "trustno1");
        browser.chooseRoles("new-user-roles", "AUDITOR");
        browser.clickCentered("create-user-button");

        browser.wait
                .withMessage(() -> "the broken rules on the password field: " + browser.textOf("new-user-password"))
                .until(d -> browser.textOf("new-user-password").contains("minimum length of 12 characters"));
        String shown = browser.textOf("new-user-password");
        assertTrue(shown.contains("most commonly used passwords"), shown);
        assertFalse(shown.contains("trustno1"), "the password itself is never shown back");
        assertEquals(Optional.empty(), userId(username));
    }

    @Test
    void anApiKeyWithoutRolesIsRefusedOnTheRolesField() {
        String keyName = "no-role-key-" + suffix();
        openUsers();

        browser.type("new-key-name", keyName);
        browser.clickCentered("issue-key-button");

        browser.wait
                .withMessage(() -> "an error on the key's roles: " + browser.textOf("new-key-roles"))
                .until(d -> browser.textOf("new-key-roles").contains("at least one role"));
        assertTrue(browser.driver.findElements(By.id("key-secret")).isEmpty(), "no secret shown");
        assertFalse(admin.get(KEYS + "?limit=200").body().contains(keyName), "the API has no such key");
    }

    @Test
    void cancellingTheConfirmationsRevokesAndDisablesNothing() {
        String username = "kept-" + suffix();
        String keyName = "kept-key-" + suffix();
        openUsers();
        createUser(username, "console-actors-Passphrase-3", "DEVELOPER");
        String userId = userId(username).orElseThrow();
        String keyId = issueKey(keyName, "DEVELOPER");

        browser.selectRow("keys-grid", keyName);
        browser.clickCentered("revoke-key-button");
        browser.answer("revoke-key-dialog", "cancel");
        selectUser(username);
        browser.clickCentered("toggle-enabled-button");
        browser.answer("disable-user-dialog", "cancel");

        assertFalse(ApiClient.json(admin.get(KEYS + "/" + keyId)).containsKey("revokedAt"), "the key still works");
        assertTrue(ApiClient.json(admin.get(USERS + "/" + userId)).getBoolean("enabled"), "the user still may log in");
        assertTrue(events("action=identity.api-key.revoked&targetType=api-key&targetId=" + keyId)
                .isEmpty());
    }

    private static void assertAttributedToTheAdministrator(List<JsonObject> events, String action) {
        assertFalse(events.isEmpty(), "an event " + action);
        for (JsonObject event : events) {
            assertEquals(action, event.getString("action"));
            assertEquals(tenant.adminId().toString(), event.getString("actor"), action + ": " + event);
            assertEquals(tenant.administrator().username(), event.getString("actorName", null), action + ": " + event);
        }
    }

    private static List<JsonObject> events(String query) {
        var response = admin.get("/api/v1/audit/events?limit=200&" + query);
        assertEquals(200, response.statusCode(), response.body());
        return ApiClient.json(response).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    /** Loads the users view afresh, so its lists show what earlier steps changed. */
    private static void openUsers() {
        browser.driver.get(ConsoleBrowser.CONSOLE + "users");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("users-grid")));
    }

    private static void createUser(String username, String password, String role) {
        browser.type("new-user-name", username);
        browser.type("new-user-password", password);
        browser.chooseRoles("new-user-roles", role);
        browser.clickCentered("create-user-button");
        browser.wait
                .withMessage(() -> username + " created; roles field says " + browser.textOf("new-user-roles"))
                .until(d -> userId(username).isPresent());
    }

    private static void selectUser(String username) {
        browser.type("users-filter", username);
        browser.selectRow("users-grid", username);
        browser.wait.until(d -> browser.textOf("selected-user").equals(username));
    }

    private static String issueKey(String name, String role) {
        browser.type("new-key-name", name);
        browser.chooseRoles("new-key-roles", role);
        browser.clickCentered("issue-key-button");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("key-secret")));
        browser.clickCentered("key-secret-done");
        var keys = ApiClient.json(admin.get(KEYS + "?limit=200"))
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
        return keys.stream()
                .filter(k -> k.getString("name").equals(name))
                .map(k -> k.getString("id"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not issued"));
    }

    private static void awaitRoles(String userId, List<String> roles) {
        browser.wait
                .withMessage(() -> "roles " + roles)
                .until(d -> ApiClient.json(admin.get(USERS + "/" + userId))
                        .getJsonArray("roles")
                        .getValuesAs(jakarta.json.JsonString.class)
                        .stream()
                        .map(jakarta.json.JsonString::getString)
                        .sorted()
                        .toList()
                        .equals(roles));
    }

    private static Optional<String> userId(String username) {
        var users = ApiClient.json(admin.get(USERS + "?limit=200"))
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
        return users.stream()
                .filter(u -> u.getString("username").equals(username))
                .map(u -> u.getString("id"))
                .findFirst();
    }

    /** A user of the tenant locked by failed API logins from an address of its own. */
    private static String lockedUser() {
        String user = "locked-" + suffix();
        tenant.addUser(user, TestTenant.newPassword(), "DEVELOPER");
        String random = UUID.randomUUID().toString().replace("-", "");
        String address = "2001:db8:" + random.substring(0, 4) + "::" + random.substring(4, 8);
        var body = Json.createObjectBuilder()
                .add("tenant", tenant.name())
                .add("username", user)
                .add("password", "not-the-password-at-all")
                .build()
                .toString();
        for (int i = 0; i < LOCK_AFTER; i++) {
            var response = new ApiClient()
                    .send(HttpRequest.newBuilder(ApiClient.uri("/api/v1/auth/login"))
                            .header("Content-Type", "application/json")
                            .header("X-Forwarded-For", address)
                            .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(401, response.statusCode(), response.body());
        }
        assertTrue(admin.get("/api/v1/identity/lockouts").body().contains(user), user + " is locked");
        return user;
    }

    private static String enrollDevice() {
        try (var tpm = SoftwareTpm.start()) {
            var ak = tpm.createAttestationKey(AkKind.ECC_P256);
            return DeviceEnrollment.enroll(admin, "actors-device", tpm, ak).getString("id");
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
