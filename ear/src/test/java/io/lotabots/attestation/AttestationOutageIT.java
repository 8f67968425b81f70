package io.lotabots.attestation;

import static io.lotabots.attestation.AttestationApi.meaninglessEvidence;
import static io.lotabots.attestation.AttestationApi.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.TestBucket;
import io.lotabots.testsupport.TestTenant;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hardware submissions and their verification while S3, Redis or PostgreSQL is away from the server
 * (dev-services' switchable proxies): 503 problem+json with Retry-After, nothing half-written, the nonce
 * still usable afterwards, and a job that met the outage completes once the dependency is back. The test
 * reads the database directly, which stays reachable for it.
 */
class AttestationOutageIT {

    private static final Duration SWEEPS = Duration.ofSeconds(150);

    private final DevServicesReport services = new DevServicesReport();

    @BeforeAll
    static void application() {
        AttestationApi.awaitApplication();
    }

    @AfterEach
    void restore() {
        for (String dependency : new String[] {"redis", "s3", "postgresql"}) {
            services.setReachable(dependency, true);
        }
        Eventually.await(
                Duration.ofSeconds(60),
                () -> new ApiClient().get("/health/ready").statusCode(),
                s -> s == 200,
                "readiness to recover");
    }

    @Test
    void anS3OutageAnswers503StoresNothingAndLeavesTheNonceUsable() throws SQLException {
        var tenant = TestTenant.create("hw-outage-s3");
        var admin = tenant.admin();
        byte[] nonce = AttestationApi.nonce(admin);
        String unused = NonceKeys.value(tenant.id(), nonce);

        services.setReachable("s3", false);
        var refused = submit(admin, meaninglessEvidence(nonce).build());

        assertServiceUnavailable(refused, "s3");
        assertNothingStored(tenant);
        assertEquals(unused, NonceKeys.value(tenant.id(), nonce), "the nonce is usable, with its original expiry");

        services.setReachable("s3", true);
        assertCompletesWithAValidNonce(admin, nonce);
    }

    @Test
    void aDatabaseOutageAnswers503StoresNothingAndLeavesTheNonceUsable() throws SQLException {
        var tenant = TestTenant.create("hw-outage-db");
        var admin = tenant.admin();
        byte[] nonce = AttestationApi.nonce(admin);
        String unused = NonceKeys.value(tenant.id(), nonce);
        // a submission just before pins the policy in memory, so the next one gets as far as storing
        AttestationApi.accepted(
                submit(admin, meaninglessEvidence(AttestationApi.nonce(admin)).build()));

        services.setReachable("postgresql", false);
        var refused = submit(admin, meaninglessEvidence(nonce).build());

        assertServiceUnavailable(refused, "postgresql");
        assertEquals(1, AttestationApi.rows(tenant.id()), "only the submission before the outage");
        assertEquals(1, AttestationApi.auditEvents(tenant.id(), "attestation.submitted"));
        assertEquals(unused, NonceKeys.value(tenant.id(), nonce), "the nonce is usable, with its original expiry");

        services.setReachable("postgresql", true);
        awaitReadiness();
        assertEquals(
                1,
                TestBucket.keys("attestations/" + tenant.id() + "/").stream()
                        .filter(key -> key.endsWith("/evidence.json"))
                        .count(),
                "the refused submission's evidence was removed again");
        assertCompletesWithAValidNonce(admin, nonce);
    }

    @Test
    void aRedisOutageAnswers503AndLeavesTheNonceUsable() throws SQLException {
        var tenant = TestTenant.create("hw-outage-redis");
        var admin = tenant.admin();
        byte[] nonce = AttestationApi.nonce(admin);
        String unused = NonceKeys.value(tenant.id(), nonce);

        services.setReachable("redis", false);
        var refused = submit(admin, meaninglessEvidence(nonce).build());

        assertServiceUnavailable(refused, "redis");
        assertEquals(0, AttestationApi.rows(tenant.id()));
        assertEquals(0, AttestationApi.auditEvents(tenant.id(), "attestation.submitted"));

        services.setReachable("redis", true);
        awaitReadiness();
        assertEquals(unused, NonceKeys.value(tenant.id(), nonce), "the nonce is usable, with its original expiry");
        assertTrue(TestBucket.keys("attestations/" + tenant.id() + "/").isEmpty(), "no evidence stored");
        assertCompletesWithAValidNonce(admin, nonce);
    }

    @Test
    void aJobWhoseVerificationMeetsAnS3OutageWaitsWithoutSpendingAttemptsAndCompletesOnceS3IsBack()
            throws SQLException {
        var tenant = TestTenant.create("hw-outage-verify");
        var admin = tenant.admin();
        UUID done = verdictOf(admin);

        services.setReachable("s3", false);
        // a job a dead server left mid-verification: its evidence is not in this server's memory, only in S3
        UUID left = Jobs.abandonedCopyOf(done);
        var waiting = Eventually.await(
                SWEEPS,
                () -> Jobs.state(left),
                state -> state.failureReason() != null && state.status().equals("PENDING"),
                "an attempt on job " + left + " to meet the outage");

        assertEquals("PENDING", waiting.status(), "waits for the sweeper, not a verdict");
        assertEquals(1, waiting.attempts(), "the attempt stopped by the outage is not counted");

        services.setReachable("s3", true);
        var completed = Eventually.await(
                SWEEPS,
                () -> Jobs.state(left),
                state -> !state.status().equals("PENDING") && !state.status().equals("PROCESSING"),
                "job " + left + " to complete once S3 is back");
        assertEquals("REJECTED", completed.status(), "a verdict on its junk evidence, not FAILED");
        assertEquals(2, completed.attempts());
        assertEquals(null, completed.failureReason());
    }

    @Test
    void aJobLeftDuringADatabaseOutageCompletesOnceTheDatabaseIsBack() throws SQLException {
        var tenant = TestTenant.create("hw-outage-db-verify");
        var admin = tenant.admin();
        UUID done = verdictOf(admin);

        services.setReachable("postgresql", false);
        UUID left = Jobs.abandonedCopyOf(done);
        assertEquals(503, new ApiClient().get("/health/ready").statusCode());

        services.setReachable("postgresql", true);
        var completed = Eventually.await(
                SWEEPS,
                () -> Jobs.state(left),
                state -> state.status().equals("REJECTED") || state.status().equals("FAILED"),
                "job " + left + " to complete once PostgreSQL is back");
        assertEquals("REJECTED", completed.status());
    }

    private void awaitReadiness() {
        Eventually.await(
                Duration.ofSeconds(60),
                () -> new ApiClient().get("/health/ready").statusCode(),
                s -> s == 200,
                "readiness to recover");
    }

    /** Submits junk evidence and waits for its verdict; returns the job's id. */
    private static UUID verdictOf(ApiClient admin) {
        String location = AttestationApi.accepted(
                submit(admin, meaninglessEvidence(AttestationApi.nonce(admin)).build()));
        var verdict = AttestationApi.awaitVerdict(admin, location);
        assertEquals("REJECTED", verdict.getString("status"), verdict.toString());
        return UUID.fromString(verdict.getString("id"));
    }

    /** The same nonce, once the dependency is back: accepted, consumed as VALID, and verified to the end. */
    private static void assertCompletesWithAValidNonce(ApiClient admin, byte[] nonce) throws SQLException {
        var accepted = Eventually.await(
                Duration.ofSeconds(60),
                () -> submit(admin, meaninglessEvidence(nonce).build()),
                response -> response.statusCode() != 503,
                "a submission to be taken again");
        String location = AttestationApi.accepted(accepted);
        var verdict = AttestationApi.awaitVerdict(admin, location);
        assertEquals("REJECTED", verdict.getString("status"), verdict.toString());
        assertEquals("VALID", Jobs.nonceStatus(UUID.fromString(verdict.getString("id"))));
    }

    private static void assertNothingStored(TestTenant tenant) {
        assertEquals(0, AttestationApi.rows(tenant.id()), "no attestation row");
        assertEquals(0, AttestationApi.auditEvents(tenant.id(), "attestation.submitted"), "no audit event");
    }

    private static void assertServiceUnavailable(HttpResponse<String> response, String dependency) {
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Retry-After").isPresent(), "Retry-After");
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        var problem = ApiClient.json(response);
        assertEquals("https://lotabots.io/problems/dependency-unavailable", problem.getString("type"));
        assertTrue(problem.getString("detail").contains("(" + dependency + ")"), problem.toString());
        assertFalse(problem.getString("detail").contains("new nonce"), "the nonce was not used up: " + problem);
    }

    /** Attestation rows read and written straight in the database, as a server that died would leave them. */
    private static final class Jobs {

        record State(String status, int attempts, String failureReason) {}

        /** A copy of a finished job, taken up by a server ten minutes ago that never finished it. */
        static UUID abandonedCopyOf(UUID original) throws SQLException {
            UUID id = UUID.randomUUID();
            try (var db = new DevServicesReport().database();
                    var insert = db.prepareStatement("insert into lotabots.attestation (id, tenant_id, type, status,"
                            + " policy_name, policy_version, nonce, nonce_status, device_id, submitted_by,"
                            + " evidence_key, evidence_digest, attempts, submitted_at, updated_at)"
                            + " select ?, tenant_id, type, 'PROCESSING', policy_name, policy_version, nonce,"
                            + " nonce_status, device_id, submitted_by, evidence_key, evidence_digest, 1, now(),"
                            + " now() - interval '10 minutes' from lotabots.attestation where id = ?")) {
                insert.setObject(1, id);
                insert.setObject(2, original);
                assertEquals(1, insert.executeUpdate());
            }
            return id;
        }

        static State state(UUID id) {
            try (var db = new DevServicesReport().database();
                    var q = db.prepareStatement(
                            "select status, attempts, failure_reason from lotabots.attestation where id = ?")) {
                q.setObject(1, id);
                try (var rs = q.executeQuery()) {
                    assertTrue(rs.next(), "job " + id);
                    return new State(rs.getString(1), rs.getInt(2), rs.getString(3));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        static String nonceStatus(UUID id) throws SQLException {
            try (var db = new DevServicesReport().database();
                    var q = db.prepareStatement("select nonce_status from lotabots.attestation where id = ?")) {
                q.setObject(1, id);
                try (var rs = q.executeQuery()) {
                    assertTrue(rs.next(), "job " + id);
                    return rs.getString(1);
                }
            }
        }
    }
}
