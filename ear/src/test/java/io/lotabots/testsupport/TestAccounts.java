package io.lotabots.testsupport;

import io.lotabots.identity.control.Argon2Parameters;
import io.lotabots.identity.control.PasswordHasher;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Tenants and users written straight into the test database, hashed like the server hashes (its
 * default Argon2id parameters), for tests that must not disturb the bootstrap administrator.
 */
public final class TestAccounts {

    private static final PasswordHasher HASHER = new PasswordHasher(new Argon2Parameters(19456, 2, 1));

    private final DevServicesReport services = new DevServicesReport();

    /** A new tenant named {@code prefix-<random>}; returns its name. */
    public String newTenant(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        update("insert into lotabots.tenant (id, name, created_at) values (?, ?, ?)", UUID.randomUUID(), name, now());
        return name;
    }

    /** A new enabled user of a tenant with the given roles; returns its id. */
    public UUID newUser(String tenant, String username, String password, String... roles) {
        var id = UUID.randomUUID();
        update(
                "insert into lotabots.user_account (id, tenant_id, username, password_hash, enabled, created_at,"
                        + " updated_at) select ?, id, ?, ?, true, ?, ? from lotabots.tenant where name = ?",
                id,
                username,
                HASHER.hash(password.toCharArray()),
                now(),
                now(),
                tenant);
        for (String role : roles) {
            update("insert into lotabots.user_role (user_id, role) values (?, ?)", id, role);
        }
        return id;
    }

    private void update(String sql, Object... parameters) {
        try (var connection = services.database();
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
}
