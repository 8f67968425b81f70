package io.lotabots.testsupport;

import io.lotabots.identity.control.Argon2Parameters;
import io.lotabots.identity.control.PasswordHasher;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant of its own for a test class, with a first administrator written straight into the
 * database (no API creates tenants yet); everything else in it is made through the API.
 */
public record TenantFixture(String name, UUID id, UUID adminId, String adminUsername, String adminPassword) {

    private static final PasswordHasher HASHER = new PasswordHasher(Argon2Parameters.owaspDefault());

    public static TenantFixture create(String prefix) {
        awaitApplication();
        var fixture = new TenantFixture(
                prefix + "-" + UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "admin", newPassword());
        var now = Timestamp.from(Instant.now());
        try (var db = new DevServicesReport().database()) {
            try (var tenant =
                    db.prepareStatement("insert into lotabots.tenant (id, name, created_at) values (?, ?, ?)")) {
                tenant.setObject(1, fixture.id);
                tenant.setString(2, fixture.name);
                tenant.setTimestamp(3, now);
                tenant.executeUpdate();
            }
            try (var user = db.prepareStatement("insert into lotabots.user_account"
                    + " (id, tenant_id, username, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?, ?)")) {
                user.setObject(1, fixture.adminId);
                user.setObject(2, fixture.id);
                user.setString(3, fixture.adminUsername);
                user.setString(4, HASHER.hash(fixture.adminPassword.toCharArray()));
                user.setTimestamp(5, now);
                user.setTimestamp(6, now);
                user.executeUpdate();
            }
            try (var role = db.prepareStatement("insert into lotabots.user_role (user_id, role) values (?, 'ADMIN')")) {
                role.setObject(1, fixture.adminId);
                role.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create tenant " + fixture.name, e);
        }
        return fixture;
    }

    /**
     * Waits (once per JVM) until the application has started: on a loaded machine the server is up
     * before the EAR, whose start-up migrates the schema these fixtures write into.
     */
    private static synchronized void awaitApplication() {
        if (applicationStarted) {
            return;
        }
        Eventually.await(
                java.time.Duration.ofMinutes(4),
                () -> {
                    try {
                        return new ApiClient().get("/health/started").statusCode();
                    } catch (RuntimeException e) {
                        return -1;
                    }
                },
                status -> status == 200,
                "the application to start");
        applicationStarted = true;
    }

    private static boolean applicationStarted;

    /** A password the policy accepts, different every time. */
    public static String newPassword() {
        return "test passphrase " + UUID.randomUUID();
    }

    /** A client logged in as this tenant's first administrator. */
    public ApiClient admin() {
        return ApiClient.withToken(accessToken(adminUsername, adminPassword));
    }

    /** A login attempt to this tenant, whatever its answer. */
    public java.net.http.HttpResponse<String> login(String username, String password) {
        return new ApiClient()
                .postJson(
                        "/api/v1/auth/login",
                        Json.createObjectBuilder()
                                .add("tenant", name)
                                .add("username", username)
                                .add("password", password)
                                .build()
                                .toString());
    }

    public String accessToken(String username, String password) {
        return ApiClient.login(name, username, password).getString("access_token");
    }

    /** Creates a user through the API; fails unless it is created. Returns the user document. */
    public JsonObject createUser(String username, String password, String... roles) {
        var body = Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .add("roles", Json.createArrayBuilder(java.util.List.of(roles)))
                .build();
        var response = admin().postJson("/api/v1/identity/users", body.toString());
        if (response.statusCode() != 201) {
            throw new AssertionError(
                    "creating " + username + " failed: " + response.statusCode() + " " + response.body());
        }
        return ApiClient.json(response);
    }
}
