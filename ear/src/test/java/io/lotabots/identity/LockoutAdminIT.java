package io.lotabots.identity;

import static io.lotabots.identity.LoginAttempts.WRONG_PASSWORD;
import static io.lotabots.testsupport.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Administrators see the lockouts of their own tenant and lift them; other tenants' stay invisible. */
class LockoutAdminIT {

    private static final String PASSWORD = "lockout-admin-it-Passw0rd";
    private static final String LOCKOUTS = "/api/v1/identity/lockouts";

    private final TestTenant fixture = TestTenant.create("lockouts");
    private final String tenant = fixture.name();
    private final String admin = "admin-" + UUID.randomUUID().toString().substring(0, 8);

    LockoutAdminIT() {
        fixture.addUser(admin, PASSWORD, "ADMIN");
    }

    @Test
    void anAdministratorSeesTheLockedAccountOfTheirTenantAndLiftsIt() {
        String user = lockedUser();
        var api = loggedIn(admin);

        var listed = lockoutOf(json(api.get(LOCKOUTS)), user);
        assertTrue(listed != null, "listed");
        assertEquals(tenant, listed.getString("tenant"));
        assertTrue(Instant.parse(listed.getString("lockedUntil")).isAfter(Instant.now()), "ends in the future");

        assertEquals(204, delete(api, tenant, user).statusCode());

        assertEquals(
                200,
                LoginAttempts.fromNewAddress().login(tenant, user, PASSWORD).statusCode());
        assertEquals(null, lockoutOf(json(api.get(LOCKOUTS)), user), "no longer listed");
        assertEquals(404, delete(api, tenant, user).statusCode(), "nothing left to lift");
    }

    @Test
    void anotherTenantsAdministratorNeitherSeesNorLiftsTheLockout() {
        String user = lockedUser();
        var stranger = ApiClient.asAdmin();

        assertEquals(null, lockoutOf(json(stranger.get(LOCKOUTS)), user));
        var refused = delete(stranger, tenant, user);

        assertEquals(404, refused.statusCode(), refused.body());
        assertEquals("https://lotabots.io/problems/not-found", json(refused).getString("type"));
        assertEquals(
                401,
                LoginAttempts.fromNewAddress().login(tenant, user, PASSWORD).statusCode(),
                "still locked");
    }

    @Test
    void liftingALockoutThatDoesNotExistIsNotFound() {
        var api = loggedIn(admin);

        assertEquals(404, delete(api, tenant, "never-locked").statusCode());
    }

    @Test
    void onlyAdministratorsMaySeeLockouts() {
        String developer = "dev-" + UUID.randomUUID().toString().substring(0, 8);
        fixture.addUser(developer, PASSWORD, "DEVELOPER");
        var api = loggedIn(developer);

        assertEquals(403, api.get(LOCKOUTS).statusCode());
        assertEquals(403, delete(api, tenant, developer).statusCode());
        assertEquals(401, new ApiClient().get(LOCKOUTS).statusCode());
    }

    @Test
    void theLockoutAndItsLiftingAreInTheTenantsAuditTrail() {
        String user = lockedUser();
        var api = loggedIn(admin);
        assertEquals(204, delete(api, tenant, user).statusCode());

        var actions = io.lotabots.testsupport.Eventually.await(
                java.time.Duration.ofSeconds(15),
                () -> auditActionsOn(api, user),
                found -> found.contains("auth.lockout.started") && found.contains("auth.lockout.lifted"),
                "the lockout events of " + user);

        assertTrue(actions.contains("auth.login.failed"), "the failures that led to it: " + actions);
    }

    private static java.util.List<String> auditActionsOn(ApiClient api, String user) {
        var all = json(api.get("/api/v1/audit/events?limit=200")).getJsonArray("items");
        return all.getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(e -> user.equals(e.getString("targetId", null))
                        || user.equals(e.getString("actor", null))
                        || user.equals(e.getString("actorName", null)))
                .map(e -> e.getString("action"))
                .toList();
    }

    private String lockedUser() {
        String user = "user-" + UUID.randomUUID().toString().substring(0, 8);
        fixture.addUser(user, PASSWORD, "DEVELOPER");
        var attacker = LoginAttempts.fromNewAddress();
        for (int i = 0; i < BruteForceIT.LOCK_AFTER; i++) {
            assertEquals(401, attacker.login(tenant, user, WRONG_PASSWORD).statusCode());
        }
        return user;
    }

    private ApiClient loggedIn(String username) {
        var response = LoginAttempts.fromNewAddress().login(tenant, username, PASSWORD);
        assertEquals(200, response.statusCode(), response.body());
        return ApiClient.withToken(json(response).getString("access_token"));
    }

    private static HttpResponse<String> delete(ApiClient api, String tenant, String user) {
        return api.send(HttpRequest.newBuilder(ApiClient.uri(LOCKOUTS + "/" + tenant + "/" + user))
                .DELETE());
    }

    private static JsonObject lockoutOf(JsonObject list, String user) {
        assertFalse(list.containsKey("addresses"), "address lockouts span tenants: the platform operator's");
        return list.getJsonArray("accounts").stream()
                .map(JsonValue::asJsonObject)
                .filter(a -> a.getString("username").equals(user))
                .findFirst()
                .orElse(null);
    }
}
