package io.lotabots.platform;

import static io.lotabots.testsupport.ApiClient.json;
import static io.lotabots.testsupport.ApiClient.smokeBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Takes Redis, S3 or PostgreSQL away from the running server (through dev-services' switchable proxies)
 * and checks that readiness names the dependency and requests get 503 problem+json, then recovery.
 * Attestation submissions and verification under the same outages: {@code AttestationOutageIT}.
 */
class DependencyOutageIT {

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
        String location = completedCheck();

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
    void s3OutageTurnsReadinessDownAndRejectsNewChecksWithoutWritingAnything() throws SQLException {
        String message = "during s3 outage " + UUID.randomUUID();
        services.setReachable("s3", false);

        var ready = api.get("/health/ready");
        assertEquals(503, ready.statusCode());
        assertEquals("DOWN", OperationsEndpointsIT.checks(json(ready)).get("s3"));
        assertServiceUnavailable(api.postJson("/api/v1/smoke-checks", smokeBody(message)));
        assertEquals(0, rowsWithMessage(message), "the rolled-back request left no row");
    }

    @Test
    void databaseOutageTurnsReadinessDownAndRejectsNewChecksWithoutWritingAnything() throws SQLException {
        String message = "during database outage " + UUID.randomUUID();
        services.setReachable("postgresql", false);

        var ready = api.get("/health/ready");
        assertEquals(503, ready.statusCode());
        assertEquals("DOWN", OperationsEndpointsIT.checks(json(ready)).get("postgresql"));
        assertEquals("UP", OperationsEndpointsIT.checks(json(ready)).get("redis"));
        assertServiceUnavailable(api.postJson("/api/v1/smoke-checks", smokeBody(message)));
        assertEquals(0, rowsWithMessage(message), "the rolled-back request left no row");

        services.setReachable("postgresql", true);
        var accepted = Eventually.await(
                Duration.ofSeconds(30),
                () -> api.postJson("/api/v1/smoke-checks", smokeBody(message)),
                r -> r.statusCode() == 202,
                "new checks to be accepted once PostgreSQL is back");
        assertEquals(
                "COMPLETED",
                api.awaitFinal(accepted.headers().firstValue("Location").orElseThrow())
                        .getString("status"));
    }

    private String completedCheck() {
        var accepted = api.postJson("/api/v1/smoke-checks", smokeBody("before the outage"));
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertEquals("COMPLETED", api.awaitFinal(location).getString("status"));
        return location;
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

    private long rowsWithMessage(String message) throws SQLException {
        try (var c = services.database();
                var ps = c.prepareStatement("select count(*) from lotabots.smoke_check where message = ?")) {
            ps.setString(1, message);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
