package io.lotabots.identity;

import static io.lotabots.identity.Calls.USERS;
import static io.lotabots.identity.UserManagementIT.problem;
import static io.lotabots.testsupport.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Disabling, enabling and narrowing roles take effect on live sessions; a tenant keeps an administrator. */
class UserAccessIT {

    /** Retiring a device is an OPERATOR or ADMIN call (not AUDITOR); an unknown id answers 404. */
    private static final String MINE = "/api/v1/devices/" + UUID.randomUUID();

    private final TestTenant tenant = TestTenant.create("access-it");
    private final ApiClient admin = tenant.admin();

    @Test
    void disablingEndsTheUsersSessionsAndRefusesTheirLogin() throws SQLException {
        String password = TestTenant.newPassword();
        var user = tenant.createUser("olga", password, "OPERATOR");
        var tokens = ApiClient.login(tenant.name(), "olga", password);
        var client = ApiClient.withToken(tokens.getString("access_token"));
        assertEquals(404, client.delete(MINE).statusCode(), "works before");

        var response = admin.postEmpty(USERS + "/" + user.getString("id") + "/disable", null);

        assertEquals(200, response.statusCode(), response.body());
        assertFalse(json(response).getBoolean("enabled"));
        assertEquals(401, client.delete(MINE).statusCode(), "the live token is refused at once");
        assertEquals(401, refresh(tokens.getString("refresh_token")).statusCode());
        assertEquals(401, tenant.login("olga", password).statusCode());
        assertEquals(0, liveSessions(user.getString("id")), "session rows are marked revoked");
    }

    @Test
    void enablingLetsTheUserLogInAgain() {
        String password = TestTenant.newPassword();
        var user = tenant.createUser("pavel", password, "DEVELOPER");
        String path = USERS + "/" + user.getString("id");
        admin.postEmpty(path + "/disable", null);

        var response = admin.postEmpty(path + "/enable", null);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(json(response).getBoolean("enabled"));
        assertEquals(200, tenant.login("pavel", password).statusCode());
    }

    @Test
    void removingARoleEndsTheSessionsThatCarryIt() {
        String password = TestTenant.newPassword();
        var user = tenant.createUser("quinn", password, "OPERATOR", "AUDITOR");
        var client = ApiClient.withToken(tenant.accessToken("quinn", password));

        admin.putJson(USERS + "/" + user.getString("id") + "/roles", Calls.roles("AUDITOR"), null);

        assertEquals(401, client.delete(MINE).statusCode(), "the OPERATOR token does not outlive the role");
        var fresh = ApiClient.withToken(tenant.accessToken("quinn", password));
        assertEquals(403, fresh.delete(MINE).statusCode(), "a new login has only AUDITOR");
    }

    @Test
    void addingARoleLeavesSessionsAlone() {
        String password = TestTenant.newPassword();
        var user = tenant.createUser("ruth", password, "OPERATOR");
        var client = ApiClient.withToken(tenant.accessToken("ruth", password));

        admin.putJson(USERS + "/" + user.getString("id") + "/roles", Calls.roles("OPERATOR", "AUDITOR"), null);

        assertEquals(404, client.delete(MINE).statusCode());
    }

    @Test
    void theLastAdministratorCanNeitherDropAdminNorBeDisabled() {
        String self = USERS + "/" + tenant.adminId();

        problem(admin.putJson(self + "/roles", Calls.roles("AUDITOR"), null), 409, "last-administrator");
        problem(admin.postEmpty(self + "/disable", null), 409, "last-administrator");

        assertEquals(200, admin.get(self).statusCode(), "still an administrator");
        assertTrue(UserManagementIT.roles(json(admin.get(self))).contains("ADMIN"));
    }

    @Test
    void anAdministratorMayStepDownOnceAnotherOneExists() {
        tenant.createUser("sam", TestTenant.newPassword(), "ADMIN");

        var response = admin.putJson(USERS + "/" + tenant.adminId() + "/roles", Calls.roles("AUDITOR"), null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(401, admin.get(USERS).statusCode(), "their ADMIN session ended with the role");
    }

    @Test
    void aDisabledAdministratorDoesNotCountAsTheOneThatRemains() {
        var other = tenant.createUser("tess", TestTenant.newPassword(), "ADMIN");
        admin.postEmpty(USERS + "/" + other.getString("id") + "/disable", null);

        problem(
                admin.putJson(USERS + "/" + tenant.adminId() + "/roles", Calls.roles("AUDITOR"), null),
                409,
                "last-administrator");
    }

    static HttpResponse<String> refresh(String refreshToken) {
        return new ApiClient()
                .postJson(
                        "/api/v1/auth/refresh",
                        Json.createObjectBuilder()
                                .add("refresh_token", refreshToken)
                                .build()
                                .toString());
    }

    static long liveSessions(String column, String ownerId) throws SQLException {
        try (var db = new DevServicesReport().database();
                var query = db.prepareStatement(
                        "select count(*) from lotabots.auth_session where " + column + " = ? and revoked_at is null")) {
            query.setObject(1, UUID.fromString(ownerId));
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long liveSessions(String userId) throws SQLException {
        return liveSessions("user_id", userId);
    }
}
