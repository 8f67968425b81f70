package io.lotabots.identity;

import static io.lotabots.identity.LoginAttempts.WRONG_PASSWORD;
import static io.lotabots.testsupport.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A locked source address refuses logins to every tenant, so it is the platform operator's to see
 * and lift, not any tenant administrator's; lifting it is audited on the platform's trail.
 */
class AddressLockoutIT {

    /** The default address threshold: the test server keeps it. */
    private static final int ADDRESS_LOCK_AFTER = 100;

    private static final String ADDRESSES = "/api/v1/platform/lockouts/addresses";

    @Test
    void onlyThePlatformOperatorSeesAndLiftsALockedAddress() throws Exception {
        var tenant = TestTenant.create("address-lock");
        var user = tenant.userWithRoles("DEVELOPER");
        var from = LoginAttempts.fromNewAddress();
        lock(from, tenant.name());
        assertEquals(
                401, from.login(tenant.name(), user.username(), user.password()).statusCode(), "locked");

        var admin = tenant.admin();
        assertFalse(json(admin.get("/api/v1/identity/lockouts")).containsKey("addresses"), "not the tenant's");
        assertEquals(403, admin.get(ADDRESSES).statusCode());
        assertEquals(403, admin.delete(path(from.address())).statusCode());

        var operator = ApiClient.asPlatformOperator();
        var listed = json(operator.get(ADDRESSES)).getJsonArray("addresses").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("address").equals(canonical(from.address())))
                .findFirst();
        assertTrue(listed.isPresent(), "listed to the operator");
        assertEquals(400, operator.delete(path("not-an-address")).statusCode());

        assertEquals(204, operator.delete(path(from.address())).statusCode());
        assertEquals(
                200, from.login(tenant.name(), user.username(), user.password()).statusCode(), "lifted");
        assertEquals(404, operator.delete(path(from.address())).statusCode(), "nothing left to lift");
        assertEquals(404, operator.delete(path(LoginAttempts.newAddress())).statusCode(), "never locked");

        String operatorId = PlatformTenantsIT.claims(
                        ApiClient.login(ApiClient.PLATFORM, ApiClient.OPERATOR, ApiClient.OPERATOR_PASSWORD)
                                .getString("access_token"))
                .getString("sub");
        assertEquals(
                List.of(operatorId),
                liftedBy(canonical(from.address())),
                "on the platform chain, the operator as actor");
    }

    /** Failed logins to unknown users from one address, several at once (each waits its delay). */
    private static void lock(LoginAttempts from, String tenant) throws Exception {
        var pool = Executors.newFixedThreadPool(10);
        try {
            var answers = new ArrayList<Future<Integer>>();
            for (int i = 0; i < ADDRESS_LOCK_AFTER; i++) {
                String username = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
                answers.add(pool.submit(
                        () -> from.login(tenant, username, WRONG_PASSWORD).statusCode()));
            }
            for (var answer : answers) {
                assertEquals(401, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Eventually.await(
                Duration.ofSeconds(10),
                () -> ApiClient.asPlatformOperator().get(ADDRESSES).body(),
                body -> body.contains(canonical(from.address())),
                "the address lockout of " + from.address());
    }

    /** The address as the server writes it: Java's full form of an IPv6 literal. */
    private static String canonical(String address) {
        try {
            return java.net.InetAddress.getByName(address).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String path(String address) {
        return ADDRESSES + "/" + URLEncoder.encode(address, StandardCharsets.UTF_8);
    }

    private static List<String> liftedBy(String address) throws SQLException {
        try (var connection = new DevServicesReport().database();
                var statement = connection.prepareStatement("select actor from lotabots.audit_event where tenant_id ="
                        + " '00000000-0000-0000-0000-000000000000' and action = 'auth.lockout.lifted'"
                        + " and target_type = 'address' and target_id = ?")) {
            statement.setString(1, address);
            var actors = new ArrayList<String>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    actors.add(rows.getString(1));
                }
            }
            return actors;
        }
    }
}
