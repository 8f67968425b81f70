package io.lotabots.identity;

import static io.lotabots.identity.Calls.USERS;
import static io.lotabots.testsupport.ApiClient.etag;
import static io.lotabots.testsupport.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.identity.control.Argon2Parameters;
import io.lotabots.identity.control.PasswordHasher;
import io.lotabots.identity.control.StoredPasswordHash;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * What a successful login writes to the account: its time, and a stronger hash when the stored one is
 * weaker than the target. Never an edit of the user: logins of one account at the same time (a fleet of
 * bots, two devices) all succeed, and the user's version (its ETag) stays as it was.
 */
class LoginRecordIT {

    private static final TestTenant TENANT = TestTenant.create("login-record-it");
    private static final int AT_ONCE = 4;

    @Test
    void loginsOfOneAccountAtTheSameTimeAllSucceed() throws Exception {
        String username = "fleet-" + UUID.randomUUID();
        String password = TestTenant.newPassword();
        TENANT.createUser(username, password, "OPERATOR");

        var pool = Executors.newFixedThreadPool(AT_ONCE);
        var statuses = new ArrayList<Integer>();
        try {
            Callable<Integer> login = () -> TENANT.login(username, password).statusCode();
            for (var answer : pool.invokeAll(Collections.nCopies(AT_ONCE, login))) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(Collections.nCopies(AT_ONCE, 200), statuses);
    }

    @Test
    void aLoginRecordsItsTimeAndLeavesTheUsersVersionAlone() {
        String username = "gale-" + UUID.randomUUID();
        String password = TestTenant.newPassword();
        var created = TENANT.createUser(username, password, "DEVELOPER");
        String path = USERS + "/" + created.getString("id");
        var before = TENANT.admin().get(path);

        assertEquals(200, TENANT.login(username, password).statusCode());

        var after = TENANT.admin().get(path);
        assertTrue(hasLoginTime(json(after)), "the login time is recorded");
        assertEquals(etag(before), etag(after), "a login is not an edit of the user");
    }

    @Test
    void aLoginReplacesAWeakerStoredHashWithOneAtTheTargetParameters() throws SQLException {
        String username = "hale-" + UUID.randomUUID();
        String password = TestTenant.newPassword();
        var created = TENANT.createUser(username, password, "AUDITOR");
        var weaker = new Argon2Parameters(8192, 1, 1);
        String weakHash = new PasswordHasher(weaker).hash(password.toCharArray());
        writeHash(created.getString("id"), weakHash);

        assertEquals(200, TENANT.login(username, password).statusCode());

        String stored = readHash(created.getString("id"));
        assertNotEquals(weakHash, stored);
        assertEquals(Argon2Parameters.owaspDefault(), parse(stored).parameters());
        assertEquals(200, TENANT.login(username, password).statusCode(), "the new hash verifies");
    }

    @Test
    void aFailedLoginChangesNeitherTheHashNorTheLoginTime() throws SQLException {
        String username = "iris-" + UUID.randomUUID();
        String password = TestTenant.newPassword();
        var created = TENANT.createUser(username, password, "AUDITOR");
        String weakHash = new PasswordHasher(new Argon2Parameters(8192, 1, 1)).hash(password.toCharArray());
        writeHash(created.getString("id"), weakHash);

        assertEquals(
                401,
                TENANT.login(username, "not the password " + UUID.randomUUID()).statusCode());

        assertEquals(weakHash, readHash(created.getString("id")));
        var user = json(TENANT.admin().get(USERS + "/" + created.getString("id")));
        assertFalse(hasLoginTime(user), "no login was recorded");
    }

    private static boolean hasLoginTime(JsonObject user) {
        return user.containsKey("lastLoginAt") && !user.isNull("lastLoginAt");
    }

    private static StoredPasswordHash parse(String encoded) {
        try {
            return StoredPasswordHash.parse(encoded);
        } catch (Exception e) {
            throw new AssertionError("stored hash does not parse: " + e.getMessage(), e);
        }
    }

    private static void writeHash(String userId, String hash) throws SQLException {
        try (var db = new DevServicesReport().database();
                var update = db.prepareStatement("update lotabots.user_account set password_hash = ? where id = ?")) {
            update.setString(1, hash);
            update.setObject(2, UUID.fromString(userId));
            assertEquals(1, update.executeUpdate());
        }
    }

    private static String readHash(String userId) throws SQLException {
        try (var db = new DevServicesReport().database();
                var query = db.prepareStatement("select password_hash from lotabots.user_account where id = ?")) {
            query.setObject(1, UUID.fromString(userId));
            try (var row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
