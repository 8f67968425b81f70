package io.lotabots.platform;

import static io.lotabots.testsupport.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Takes Redis, S3 or PostgreSQL away from the running server (through dev-services' switchable proxies)
 * and checks that readiness names the dependency and requests get 503 problem+json, then recovery.
 * Attestation submissions and verification under the same outages: {@code AttestationOutageIT}.
 */
class DependencyOutageIT {

    private static final String SUBMIT = "/api/v1/attestations/hardware";

    private final ApiClient api = ApiClient.asAdmin();
    private final DevServicesReport services = new DevServicesReport();

    @AfterEach
    void restore() {
        services.setReachable("redis", true);
        services.setReachable("s3", true);
        services.setReachable("postgresql", true);
        Eventually.await(
                Duration.ofSeconds(30),
                () -> api.get("/health/ready").statusCode(),
                s -> s == 200,
                "readiness to recover");
    }

    @Test
    void redisOutageTurnsReadinessDownAndReadsInto503() {
        String location = finishedAttestation();

        services.setReachable("redis", false);

        var ready = api.get("/health/ready");
        assertEquals(503, ready.statusCode());
        assertEquals("DOWN", OperationsEndpointsIT.checks(json(ready)).get("redis"));
        assertEquals("UP", OperationsEndpointsIT.checks(json(ready)).get("postgresql"));
        assertServiceUnavailable(api.get(location));

        services.setReachable("redis", true);
        Eventually.await(
                Duration.ofSeconds(30),
                () -> api.get(location).statusCode(),
                s -> s == 200,
                "reads to work again once Redis is back");
    }

    @Test
    void s3OutageTurnsReadinessDownAndRejectsNewSubmissionsWithoutWritingAnything() throws SQLException {
        String nonce = nonce();
        long before = attestationRows();
        services.setReachable("s3", false);

        var ready = api.get("/health/ready");
        assertEquals(503, ready.statusCode());
        assertEquals("DOWN", OperationsEndpointsIT.checks(json(ready)).get("s3"));
        assertServiceUnavailable(api.postJson(SUBMIT, meaninglessEvidence(nonce)));
        assertEquals(before, attestationRows(), "the rolled-back request left no row");
    }

    @Test
    void databaseOutageTurnsReadinessDownAndRejectsNewSubmissionsWithoutWritingAnything() throws SQLException {
        String nonce = nonce();
        long before = attestationRows();
        services.setReachable("postgresql", false);

        var ready = api.get("/health/ready");
        assertEquals(503, ready.statusCode());
        assertEquals("DOWN", OperationsEndpointsIT.checks(json(ready)).get("postgresql"));
        assertEquals("UP", OperationsEndpointsIT.checks(json(ready)).get("redis"));
        assertServiceUnavailable(api.postJson(SUBMIT, meaninglessEvidence(nonce)));
        assertEquals(before, attestationRows(), "the rolled-back request left no row");

        services.setReachable("postgresql", true);
        Eventually.await(
                Duration.ofSeconds(30),
                () -> api.get("/health/ready").statusCode(),
                s -> s == 200,
                "readiness once PostgreSQL is back");
        finishedAttestation();
    }

    /** A submission of the right form and no meaning: it ends REJECTED. */
    private String finishedAttestation() {
        var accepted = api.postJson(SUBMIT, meaninglessEvidence(nonce()));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        Eventually.await(
                Duration.ofSeconds(60),
                () -> json(api.get(location)).getString("status"),
                s -> !s.equals("PENDING") && !s.equals("PROCESSING"),
                "the attestation to be final");
        return location;
    }

    private String nonce() {
        var response = api.postJson(SUBMIT + "/nonces", "");
        assertEquals(201, response.statusCode(), response.body());
        return json(response).getString("nonce");
    }

    private static String meaninglessEvidence(String nonce) {
        var text = java.util.Base64.getEncoder();
        return jakarta.json.Json.createObjectBuilder()
                .add("nonce", nonce)
                .add("quote", text.encodeToString("quote".getBytes()))
                .add("signature", text.encodeToString("signature".getBytes()))
                .add("pcrs", text.encodeToString("pcrs".getBytes()))
                .add("akPublicKey", "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n")
                .build()
                .toString();
    }

    private static void assertServiceUnavailable(HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Retry-After").isPresent(), "Retry-After");
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(
                "https://lotabots.io/problems/dependency-unavailable",
                json(response).getString("type"));
    }

    private long attestationRows() throws SQLException {
        try (var c = services.database();
                var ps = c.prepareStatement("select count(*) from lotabots.attestation")) {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
