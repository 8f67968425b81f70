package io.lotabots.identity;

import static io.lotabots.identity.Calls.USERS;
import static io.lotabots.identity.UserManagementIT.problem;
import static io.lotabots.testsupport.ApiClient.etag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Administrators reset passwords; users change their own with the current one; sessions end either way. */
class PasswordChangeIT {

    private static final TestTenant TENANT = TestTenant.create("password-it");
    /** Retiring a device is an OPERATOR or ADMIN call (not AUDITOR); an unknown id answers 404. */
    private static final String OPERATOR_ONLY = "/api/v1/devices/" + UUID.randomUUID();

    private final ApiClient admin = TENANT.admin();

    @Test
    void anAdministratorResetsAPasswordWithoutTheOldOne() {
        String old = TestTenant.newPassword();
        String fresh = TestTenant.newPassword();
        var user = TENANT.createUser("uma-" + UUID.randomUUID(), old, "OPERATOR");
        var session = ApiClient.withToken(TENANT.accessToken(user.getString("username"), old));

        var response = admin.putJson(passwordOf(user.getString("id")), Calls.password(fresh, null), null);

        assertEquals(204, response.statusCode(), response.body());
        etag(response);
        assertEquals(401, session.delete(OPERATOR_ONLY).statusCode(), "the user's sessions ended");
        assertEquals(401, TENANT.login(user.getString("username"), old).statusCode());
        assertEquals(200, TENANT.login(user.getString("username"), fresh).statusCode());
    }

    @Test
    void aUserChangesTheirOwnPasswordWithTheCurrentOne() {
        String old = TestTenant.newPassword();
        String fresh = TestTenant.newPassword();
        var user = TENANT.createUser("vic-" + UUID.randomUUID(), old, "DEVELOPER");
        var self = ApiClient.withToken(TENANT.accessToken(user.getString("username"), old));

        var response = self.putJson(passwordOf(user.getString("id")), Calls.password(fresh, old), null);

        assertEquals(204, response.statusCode(), response.body());
        assertEquals(200, TENANT.login(user.getString("username"), fresh).statusCode());
    }

    @Test
    void wrongCurrentPasswordsAreBruteForceCountedAndLockTheAccount() {
        String old = TestTenant.newPassword();
        var user = TENANT.createUser("guess-" + UUID.randomUUID(), old, "DEVELOPER");
        String username = user.getString("username");
        var self = ApiClient.withToken(TENANT.accessToken(username, old));
        String path = passwordOf(user.getString("id"));
        String address = LoginAttempts.newAddress();

        for (int i = 0; i < BruteForceIT.LOCK_AFTER; i++) {
            problem(changeFrom(self, path, "wrong guess " + i, address), 403, "current-password-mismatch");
        }

        var rightButLocked = changeFrom(self, path, old, address);
        problem(rightButLocked, 403, "current-password-mismatch");
        assertEquals(
                401,
                LoginAttempts.fromNewAddress()
                        .login(TENANT.name(), username, old)
                        .statusCode(),
                "the account is locked for logins too");
        var lockouts = ApiClient.json(admin.get("/api/v1/identity/lockouts")).toString();
        assertTrue(lockouts.contains(username.toLowerCase()), "listed to the administrator: " + lockouts);
        assertEquals(
                204,
                admin.send(java.net.http.HttpRequest.newBuilder(
                                        ApiClient.uri("/api/v1/identity/lockouts/" + TENANT.name() + "/" + username))
                                .DELETE())
                        .statusCode(),
                "an administrator lifts it");
        assertEquals(204, changeFrom(self, path, old, address).statusCode(), "and the right password works again");
    }

    private static java.net.http.HttpResponse<String> changeFrom(
            ApiClient client, String path, String currentPassword, String address) {
        return client.send(java.net.http.HttpRequest.newBuilder(ApiClient.uri(path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        Calls.password(TestTenant.newPassword(), currentPassword))));
    }

    @Test
    void aUserWithoutTheRightCurrentPasswordIsRefused() {
        String old = TestTenant.newPassword();
        var user = TENANT.createUser("wes-" + UUID.randomUUID(), old, "DEVELOPER");
        var self = ApiClient.withToken(TENANT.accessToken(user.getString("username"), old));
        String path = passwordOf(user.getString("id"));

        problem(
                self.putJson(path, Calls.password(TestTenant.newPassword(), null), null),
                403,
                "current-password-mismatch");
        problem(
                self.putJson(path, Calls.password(TestTenant.newPassword(), "a wrong current password"), null),
                403,
                "current-password-mismatch");
        assertEquals(200, TENANT.login(user.getString("username"), old).statusCode(), "unchanged");
    }

    @Test
    void aUserCannotChangeSomeoneElsesPasswordAndCannotTellTheyExist() {
        String password = TestTenant.newPassword();
        var user = TENANT.createUser("xena-" + UUID.randomUUID(), password, "AUDITOR");
        var victim = TENANT.createUser("yan-" + UUID.randomUUID(), TestTenant.newPassword(), "AUDITOR");
        var client = ApiClient.withToken(TENANT.accessToken(user.getString("username"), password));

        problem(
                client.putJson(
                        passwordOf(victim.getString("id")), Calls.password(TestTenant.newPassword(), password), null),
                404,
                "not-found");
    }

    @Test
    void aWeakNewPasswordIsRefusedAndTheOldOneStillWorks() {
        String old = TestTenant.newPassword();
        var user = TENANT.createUser("zoe-" + UUID.randomUUID(), old, "DEVELOPER");

        var response = admin.putJson(passwordOf(user.getString("id")), Calls.password("iloveyou", null), null);

        problem(response, 400, "weak-password");
        assertFalse(response.body().contains("iloveyou"));
        assertEquals(200, TENANT.login(user.getString("username"), old).statusCode());
    }

    @Test
    void aStaleIfMatchIsRefused() {
        var user = TENANT.createUser("abe-" + UUID.randomUUID(), TestTenant.newPassword(), "DEVELOPER");
        String tag = etag(admin.get(USERS + "/" + user.getString("id")));
        var first =
                admin.putJson(passwordOf(user.getString("id")), Calls.password(TestTenant.newPassword(), null), tag);
        assertEquals(204, first.statusCode(), first.body());
        assertNotEquals(tag, etag(first));

        var second =
                admin.putJson(passwordOf(user.getString("id")), Calls.password(TestTenant.newPassword(), null), tag);

        problem(second, 412, "precondition-failed");
    }

    private static String passwordOf(String userId) {
        return USERS + "/" + userId + "/password";
    }
}
