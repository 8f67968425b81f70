package io.lotabots.platform;

import static io.lotabots.testsupport.ApiClient.json;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A user logged in with one role. Each request gets a fresh access token through the refresh
 * token, and a new login when a walked endpoint (logout) has ended the session.
 */
final class RoleSession {

    private final String tenant;
    private final String username;
    private final String password;
    private String refreshToken;

    RoleSession(TestTenant tenant, String role) {
        this.tenant = tenant.name();
        this.username = "walker-" + role.toLowerCase();
        this.password = TestTenant.newPassword();
        tenant.createUser(username, password, role);
    }

    private RoleSession(String tenant, String username, String password) {
        this.tenant = tenant;
        this.username = username;
        this.password = password;
    }

    /** The bootstrap platform operator, who belongs to no tenant. */
    static RoleSession platformOperator() {
        return new RoleSession(ApiClient.PLATFORM, ApiClient.OPERATOR, ApiClient.OPERATOR_PASSWORD);
    }

    ApiClient client() {
        if (refreshToken != null) {
            var refreshed = new ApiClient()
                    .postJson(
                            "/api/v1/auth/refresh",
                            Json.createObjectBuilder()
                                    .add("refresh_token", refreshToken)
                                    .build()
                                    .toString());
            if (refreshed.statusCode() == 200) {
                return use(json(refreshed));
            }
        }
        return use(ApiClient.login(tenant, username, password));
    }

    private ApiClient use(JsonObject tokens) {
        refreshToken = tokens.getString("refresh_token");
        return ApiClient.withToken(tokens.getString("access_token"));
    }
}
