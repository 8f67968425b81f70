package io.lotabots.testsupport;

import io.lotabots.identity.control.Argon2Parameters;
import io.lotabots.identity.control.PasswordHasher;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tenant of its own for a test (its name is {@code prefix-<random>}, so test classes never
 * collide), created with a first administrator: either straight in the database ({@link #create},
 * quick) or as a customer's would be, by the platform operator through the API ({@link #createdByOperator}).
 * The users of {@link #addUser} are written straight into the database, hashed as the server hashes;
 * {@link #createUser} goes through the API instead (audited, validated, as a client would).
 */
public final class TestTenant {

    private static final PasswordHasher HASHER = new PasswordHasher(Argon2Parameters.owaspDefault());
    private static final String ADMIN_USERNAME = "admin";

    private final String name;
    private final UUID id;
    private final TestUser administrator;

    private TestTenant(String name, UUID id) {
        this.name = name;
        this.id = id;
        this.administrator = insertUser(ADMIN_USERNAME, newPassword(), List.of("ADMIN"));
    }

    private TestTenant(String name, UUID id, UUID adminId, String adminPassword) {
        this.name = name;
        this.id = id;
        this.administrator = new TestUser(this, adminId, ADMIN_USERNAME, adminPassword);
    }

    /**
     * A new tenant created by the platform operator through {@code POST /api/v1/platform/tenants}; its
     * first administrator has replaced the one-time password with one of their own at a first login.
     */
    public static TestTenant createdByOperator(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var created = ApiClient.asPlatformOperator()
                .postJson(
                        "/api/v1/platform/tenants",
                        Json.createObjectBuilder().add("name", name).build().toString());
        if (created.statusCode() != 201) {
            throw new AssertionError(
                    "creating tenant " + name + " failed: " + created.statusCode() + " " + created.body());
        }
        var answer = ApiClient.json(created);
        var admin = answer.getJsonObject("admin");
        String password = newPassword();
        var firstLogin = new ApiClient()
                .postJson(
                        "/api/v1/auth/login",
                        Json.createObjectBuilder()
                                .add("tenant", name)
                                .add("username", admin.getString("username"))
                                .add("password", admin.getString("oneTimePassword"))
                                .add("newPassword", password)
                                .build()
                                .toString());
        if (firstLogin.statusCode() != 200) {
            throw new AssertionError(
                    "first login to " + name + " failed: " + firstLogin.statusCode() + " " + firstLogin.body());
        }
        return new TestTenant(
                name,
                UUID.fromString(answer.getJsonObject("tenant").getString("id")),
                UUID.fromString(admin.getString("id")),
                password);
    }

    /** A new tenant with its first administrator (username {@code admin}). */
    public static TestTenant create(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        update("insert into lotabots.tenant (id, name, created_at) values (?, ?, ?)", id, name, now());
        return new TestTenant(name, id);
    }

    /** A password the policy accepts, different every time. */
    public static String newPassword() {
        return "test passphrase " + UUID.randomUUID();
    }

    public String name() {
        return name;
    }

    public UUID id() {
        return id;
    }

    /** The first administrator. */
    public TestUser administrator() {
        return administrator;
    }

    public UUID adminId() {
        return administrator.id();
    }

    /** A client logged in as the first administrator. */
    public ApiClient admin() {
        return administrator.login();
    }

    /** A new enabled user with these roles, written into the database (not audited). */
    public TestUser addUser(String username, String password, String... roles) {
        return insertUser(username, password, List.of(roles));
    }

    /** A new user with a generated name and password and these roles, written into the database. */
    public TestUser userWithRoles(String... roles) {
        return addUser("user-" + UUID.randomUUID().toString().substring(0, 8), newPassword(), roles);
    }

    /** Creates a user through the API as the administrator; fails unless created. Returns the user document. */
    public JsonObject createUser(String username, String password, String... roles) {
        var body = Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .add("roles", Json.createArrayBuilder(List.of(roles)))
                .build();
        var response = admin().postJson("/api/v1/identity/users", body.toString());
        if (response.statusCode() != 201) {
            throw new AssertionError(
                    "creating " + username + " failed: " + response.statusCode() + " " + response.body());
        }
        return ApiClient.json(response);
    }

    /** A login attempt to this tenant, whatever its answer. */
    public HttpResponse<String> login(String username, String password) {
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

    /** The access token of a successful login; fails otherwise. */
    public String accessToken(String username, String password) {
        return ApiClient.login(name, username, password).getString("access_token");
    }

    private TestUser insertUser(String username, String password, List<String> roles) {
        SecretsSeen.password(password);
        UUID userId = UUID.randomUUID();
        update(
                "insert into lotabots.user_account (id, tenant_id, username, password_hash, enabled, created_at,"
                        + " updated_at) values (?, ?, ?, ?, true, ?, ?)",
                userId,
                id,
                username,
                HASHER.hash(password.toCharArray()),
                now(),
                now());
        for (String role : roles) {
            update("insert into lotabots.user_role (user_id, role) values (?, ?)", userId, role);
        }
        return new TestUser(this, userId, username, password);
    }

    private static void update(String sql, Object... parameters) {
        try (var connection = new DevServicesReport().database();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("expected one row from: " + sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    @Override
    public String toString() {
        return "TestTenant[" + name + "]";
    }
}
