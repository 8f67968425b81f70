package io.lotabots.identity;

import static io.lotabots.identity.Calls.USERS;
import static io.lotabots.identity.Calls.etag;
import static io.lotabots.identity.UserManagementIT.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TenantFixture;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Administrators reset passwords; users change their own with the current one; sessions end either way. */
class PasswordChangeIT {

    private static final TenantFixture TENANT = TenantFixture.create("password-it");
    private static final String OPERATOR_ONLY = "/api/v1/smoke-checks/" + UUID.randomUUID();

    private final ApiClient admin = TENANT.admin();

    @Test
    void anAdministratorResetsAPasswordWithoutTheOldOne() {
        String old = TenantFixture.newPassword();
        String fresh = TenantFixture.newPassword();
        var user = TENANT.createUser("uma-" + UUID.randomUUID(), old, "OPERATOR");
        var session = ApiClient.withToken(TENANT.accessToken(user.getString("username"), old));

        var response = Calls.putJson(admin, passwordOf(user.getString("id")), Calls.password(fresh, null), null);

        assertEquals(204, response.statusCode(), response.body());
        etag(response);
        assertEquals(401, session.get(OPERATOR_ONLY).statusCode(), "the user's sessions ended");
        assertEquals(401, TENANT.login(user.getString("username"), old).statusCode());
        assertEquals(200, TENANT.login(user.getString("username"), fresh).statusCode());
    }

    @Test
    void aUserChangesTheirOwnPasswordWithTheCurrentOne() {
        String old = TenantFixture.newPassword();
        String fresh = TenantFixture.newPassword();
        var user = TENANT.createUser("vic-" + UUID.randomUUID(), old, "DEVELOPER");
        var self = ApiClient.withToken(TENANT.accessToken(user.getString("username"), old));

        var response = Calls.putJson(self, passwordOf(user.getString("id")), Calls.password(fresh, old), null);

        assertEquals(204, response.statusCode(), response.body());
        assertEquals(200, TENANT.login(user.getString("username"), fresh).statusCode());
    }

    @Test
    void aUserWithoutTheRightCurrentPasswordIsRefused() {
        String old = TenantFixture.newPassword();
        var user = TENANT.createUser("wes-" + UUID.randomUUID(), old, "DEVELOPER");
        var self = ApiClient.withToken(TENANT.accessToken(user.getString("username"), old));
        String path = passwordOf(user.getString("id"));

        problem(
                Calls.putJson(self, path, Calls.password(TenantFixture.newPassword(), null), null),
                403,
                "current-password-mismatch");
        problem(
                Calls.putJson(
                        self, path, Calls.password(TenantFixture.newPassword(), "a wrong current password"), null),
                403,
                "current-password-mismatch");
        assertEquals(200, TENANT.login(user.getString("username"), old).statusCode(), "unchanged");
    }

    @Test
    void aUserCannotChangeSomeoneElsesPasswordAndCannotTellTheyExist() {
        String password = TenantFixture.newPassword();
        var user = TENANT.createUser("xena-" + UUID.randomUUID(), password, "AUDITOR");
        var victim = TENANT.createUser("yan-" + UUID.randomUUID(), TenantFixture.newPassword(), "AUDITOR");
        var client = ApiClient.withToken(TENANT.accessToken(user.getString("username"), password));

        problem(
                Calls.putJson(
                        client,
                        passwordOf(victim.getString("id")),
                        Calls.password(TenantFixture.newPassword(), password),
                        null),
                404,
                "not-found");
    }

    @Test
    void aWeakNewPasswordIsRefusedAndTheOldOneStillWorks() {
        String old = TenantFixture.newPassword();
        var user = TENANT.createUser("zoe-" + UUID.randomUUID(), old, "DEVELOPER");

        var response = Calls.putJson(admin, passwordOf(user.getString("id")), Calls.password("iloveyou", null), null);

        problem(response, 400, "weak-password");
        assertFalse(response.body().contains("iloveyou"));
        assertEquals(200, TENANT.login(user.getString("username"), old).statusCode());
    }

    @Test
    void aStaleIfMatchIsRefused() {
        var user = TENANT.createUser("abe-" + UUID.randomUUID(), TenantFixture.newPassword(), "DEVELOPER");
        String tag = etag(admin.get(USERS + "/" + user.getString("id")));
        var first = Calls.putJson(
                admin, passwordOf(user.getString("id")), Calls.password(TenantFixture.newPassword(), null), tag);
        assertEquals(204, first.statusCode(), first.body());
        assertNotEquals(tag, etag(first));

        var second = Calls.putJson(
                admin, passwordOf(user.getString("id")), Calls.password(TenantFixture.newPassword(), null), tag);

        problem(second, 412, "precondition-failed");
    }

    private static String passwordOf(String userId) {
        return USERS + "/" + userId + "/password";
    }
}
