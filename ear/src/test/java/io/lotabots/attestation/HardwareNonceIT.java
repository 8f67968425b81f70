package io.lotabots.attestation;

import static io.lotabots.attestation.AttestationApi.NONCES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Nonces: random, sized as asked within 8..64 bytes, expiring, stored for the caller's tenant only. */
class HardwareNonceIT {

    private static TestTenant tenant;
    private static ApiClient admin;

    @BeforeAll
    static void tenant() {
        AttestationApi.awaitApplication();
        tenant = TestTenant.create("hw-nonce");
        admin = tenant.admin();
    }

    @Test
    void issuesThirtyTwoRandomBytesByDefaultThatExpireWithinTheTtl() {
        var response = admin.postJson(NONCES, "");

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        var body = ApiClient.json(response);
        assertTrue(body.getString("nonce").matches("[0-9a-f]{64}"), body.toString());
        var expiresAt = Instant.parse(body.getString("expiresAt"));
        assertTrue(expiresAt.isAfter(Instant.now())
                && expiresAt.isBefore(Instant.now().plus(Duration.ofMinutes(6))));
        assertNotEquals(
                body.getString("nonce"),
                ApiClient.json(admin.postJson(NONCES, "")).getString("nonce"));
    }

    @Test
    void issuesTheSizeAskedFor() {
        assertEquals(
                16,
                ApiClient.json(admin.postJson(NONCES, "{\"size\": 8}"))
                        .getString("nonce")
                        .length());
        assertEquals(
                128,
                ApiClient.json(admin.postJson(NONCES, "{\"size\": 64}"))
                        .getString("nonce")
                        .length());
    }

    @Test
    void refusesSizesOutsideEightToSixtyFour() {
        for (String body :
                new String[] {"{\"size\": 7}", "{\"size\": 65}", "{\"size\": \"big\"}", "{\"size\": 8.5}", "[1]"}) {
            var response = admin.postJson(NONCES, body);
            assertEquals(400, response.statusCode(), body + " → " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
    }

    @Test
    void isKeptForTheTenantThatAskedForIt() {
        byte[] nonce = AttestationApi.nonce(admin);

        assertTrue(NonceKeys.value(tenant.id(), nonce).matches("\\d+"), "unused, holding its expiry");
        assertEquals(null, NonceKeys.value(java.util.UUID.randomUUID(), nonce), "unknown to any other tenant");
    }

    @Test
    void auditorsMayNotAskForNonces() {
        String password = TestTenant.newPassword();
        tenant.createUser("auditor", password, "AUDITOR");
        var auditor = ApiClient.withToken(tenant.accessToken("auditor", password));

        assertEquals(403, auditor.postJson(NONCES, "").statusCode());
        assertEquals(401, new ApiClient().postJson(NONCES, "").statusCode());
    }
}
