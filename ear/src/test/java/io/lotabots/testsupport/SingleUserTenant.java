package io.lotabots.testsupport;

import io.lotabots.identity.control.Argon2Parameters;
import io.lotabots.identity.control.PasswordHasher;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant of its own with one user holding the given roles, written straight into the test
 * database (there is no user-management API yet). Names are unique, so test classes never collide.
 */
public record SingleUserTenant(UUID tenantId, String tenant, UUID userId, String username, String password) {

    private static final PasswordHasher HASHER = new PasswordHasher(Argon2Parameters.owaspDefault());

    public static SingleUserTenant create(String prefix, String... roles) {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var fixture = new SingleUserTenant(
                UUID.randomUUID(),
                prefix + "-" + suffix,
                UUID.randomUUID(),
                "user-" + suffix,
                "Fixture-Pass-" + suffix);
        fixture.insert(roles);
        return fixture;
    }

    public ApiClient login() {
        return ApiClient.withToken(ApiClient.login(tenant, username, password).getString("access_token"));
    }

    private void insert(String... roles) {
        var now = Timestamp.from(Instant.now());
        try (var db = new DevServicesReport().database()) {
            try (var tenantRow =
                    db.prepareStatement("insert into lotabots.tenant (id, name, created_at) values (?, ?, ?)")) {
                tenantRow.setObject(1, tenantId);
                tenantRow.setString(2, tenant);
                tenantRow.setTimestamp(3, now);
                tenantRow.executeUpdate();
            }
            try (var user = db.prepareStatement("insert into lotabots.user_account"
                    + " (id, tenant_id, username, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?, ?)")) {
                user.setObject(1, userId);
                user.setObject(2, tenantId);
                user.setString(3, username);
                user.setString(4, HASHER.hash(password.toCharArray()));
                user.setTimestamp(5, now);
                user.setTimestamp(6, now);
                user.executeUpdate();
            }
            for (String role : roles) {
                try (var grant = db.prepareStatement("insert into lotabots.user_role (user_id, role) values (?, ?)")) {
                    grant.setObject(1, userId);
                    grant.setString(2, role);
                    grant.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test tenant " + tenant, e);
        }
    }
}
