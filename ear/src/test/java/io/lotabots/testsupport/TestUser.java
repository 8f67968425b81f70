package io.lotabots.testsupport;

import jakarta.json.JsonObject;
import java.util.UUID;

/** A user of a {@link TestTenant} with the password it was created with. */
public record TestUser(TestTenant tenant, UUID id, String username, String password) {

    /** The answer of a successful login (access and refresh token); fails otherwise. */
    public JsonObject tokens() {
        return ApiClient.login(tenant.name(), username, password);
    }

    /** A client with a fresh access token of this user. */
    public ApiClient login() {
        return ApiClient.withToken(tokens().getString("access_token"));
    }
}
