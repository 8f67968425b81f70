package io.lotabots.attestation;

import static io.lotabots.attestation.AttestationApi.accepted;
import static io.lotabots.attestation.AttestationApi.submit;
import static io.lotabots.testsupport.Metrics.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.Metrics;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A burst of submissions beyond the attestation queue's high limit (10 messages in the test server,
 * {@code lotabots.attestation.queue.max-depth}): the queue refuses announcements, the refused jobs are
 * held and sent on as the queue drains, and every job gets its one verdict within seconds. Before,
 * each refused job waited for the sweeper (every 30 s, after a 5 s lease here) and most were refused
 * again by the still-small queue, so the burst took minutes.
 */
class AttestationQueueFullIT {

    private static final int SUBMISSIONS = 120;
    private static final String JUNK = Base64.getEncoder().encodeToString("junk".getBytes(StandardCharsets.US_ASCII));
    private static final String PEM = "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n";

    private static TestTenant tenant;
    private static ApiClient admin;

    @BeforeAll
    static void tenant() {
        AttestationApi.awaitApplication();
        tenant = TestTenant.create("queue-full");
        admin = tenant.admin();
    }

    @Test
    void aBurstBeyondTheQueuesHighLimitIsHeldAndEveryJobGetsOneVerdictWithinSeconds() throws Exception {
        var bodies = new ArrayList<JsonObject>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            bodies.add(junkEvidence(AttestationApi.nonce(admin)));
        }
        double refusedBefore = refusedAnnouncements();

        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            var futures = new ArrayList<Future<String>>();
            for (JsonObject body : bodies) {
                futures.add(clients.submit(() -> accepted(submit(admin, body))));
            }
            for (Future<String> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }

        Map<String, Long> statuses = Eventually.await(
                Duration.ofSeconds(25),
                AttestationQueueFullIT::statusesOfTheTenantsJobs,
                s -> s.getOrDefault("REJECTED", 0L) + s.getOrDefault("VERIFIED", 0L) + s.getOrDefault("FAILED", 0L)
                        == SUBMISSIONS,
                "all " + SUBMISSIONS + " jobs to be final well before a second sweep");

        assertEquals(Map.of("REJECTED", (long) SUBMISSIONS), statuses, "junk evidence: a verdict, not a failure");
        assertEquals(List.of(1L), attemptsOfTheTenantsJobs(), "each job taken up once");
        assertTrue(
                refusedAnnouncements() > refusedBefore,
                "the queue refused announcements during the burst, so the test held jobs back: " + refusedBefore);
        assertEquals(0.0, value(Metrics.scrape(), "attestation_announcements_held{}"), "none left held");
    }

    private double refusedAnnouncements() {
        double refused = value(Metrics.scrape(), "attestation_announcements_refused_total{}");
        return Math.max(refused, 0);
    }

    private static JsonObject junkEvidence(byte[] nonce) {
        return Json.createObjectBuilder()
                .add("nonce", HexFormat.of().formatHex(nonce))
                .add("quote", JUNK)
                .add("signature", JUNK)
                .add("pcrs", JUNK)
                .add("akPublicKey", PEM)
                .build();
    }

    private static Map<String, Long> statusesOfTheTenantsJobs() {
        var statuses = new TreeMap<String, Long>();
        query("select status, count(*) from lotabots.attestation where tenant_id = ? group by status", rs -> {
            statuses.put(rs.getString(1), rs.getLong(2));
        });
        return statuses;
    }

    private static List<Long> attemptsOfTheTenantsJobs() {
        var attempts = new ArrayList<Long>();
        query("select distinct attempts from lotabots.attestation where tenant_id = ? order by 1", rs -> {
            attempts.add(rs.getLong(1));
        });
        return attempts;
    }

    private interface Row {
        void read(java.sql.ResultSet rs) throws SQLException;
    }

    private static void query(String sql, Row row) {
        UUID tenantId = tenant.id();
        try (var db = new DevServicesReport().database();
                var q = db.prepareStatement(sql)) {
            q.setObject(1, tenantId);
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
