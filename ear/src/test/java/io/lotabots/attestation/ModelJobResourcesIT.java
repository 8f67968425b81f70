package io.lotabots.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.model.ModelUploads;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.Metrics;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a model job costs and gives back, seen through the API and /metrics: its allocation is released
 * whether it ends with a verdict or fails, its CPU time is charged to the tenant's day until the daily quota
 * refuses the next job, and the ai series, scanned bytes and quota refusals move with real jobs.
 */
class ModelJobResourcesIT {

    private static final String QUOTAS = "/api/v1/resources/quotas";

    @BeforeAll
    static void application() {
        AttestationApi.awaitApplication();
    }

    @Test
    void modelJobsMoveTheAiSeriesAndTheScannedBytes() {
        var admin = TestTenant.create("model-metrics").admin();
        byte[] model = ModelAttestationIT.safetensors();
        String verified = upload(admin, "good", "model.safetensors", model);
        String rejected = upload(admin, "evil", "model.pkl", osSystemPickle());
        String before = Metrics.scrape();

        assertEquals("VERIFIED", verdictOf(admin, verified).getString("status"));
        assertEquals("REJECTED", verdictOf(admin, rejected).getString("status"));

        // the counters move after the verdict's commit: wait for them rather than guess
        String after = Eventually.await(
                Duration.ofSeconds(30),
                Metrics::scrape,
                text -> ai(text, "verified") >= ai(before, "verified") + 1
                        && ai(text, "rejected") >= ai(before, "rejected") + 1,
                "attestation_requests_total{type=\"ai\"} to count both verdicts");
        double rate = Metrics.value(after, "attestation_success_rate{type=\"ai\"}");
        double all = ai(after, "verified") + ai(after, "rejected") + ai(after, "failed");
        assertEquals(ai(after, "verified") / all, rate, 1e-9, "the verified share of the ai jobs: " + rate);
        assertTrue(rate > 0 && rate < 1, "one of each verdict at least: " + rate);
        assertTrue(
                Metrics.value(after, "model_scan_bytes_total{}")
                        >= Metrics.value(before, "model_scan_bytes_total{}") + model.length + osSystemPickle().length,
                "both models' bytes counted as scanned");
        assertTrue(
                Metrics.value(after, "model_scan_duration_seconds_count{}")
                        >= Metrics.value(before, "model_scan_duration_seconds_count{}") + 2,
                "both scans timed");
        assertTrue(after.contains("# TYPE model_scan_duration_seconds histogram"), "a histogram");
    }

    @Test
    void aJobWhoseAppraisalFailsReleasesItsAllocationAndIsCountedFailed() throws Exception {
        var tenant = TestTenant.create("model-fails");
        var admin = tenant.admin();
        String modelId = upload(admin, "doomed", "model.safetensors", ModelAttestationIT.safetensors());
        // a first job creates the default policy: the submission below then reads no policy version
        assertEquals("VERIFIED", verdictOf(admin, modelId).getString("status"));
        double failedBefore = ai(Metrics.scrape(), "failed");

        String location;
        // Holding every model policy version back (a read waits for an ACCESS EXCLUSIVE lock) stops the
        // appraisal at its policy read; the model goes meanwhile, so the appraisal finds no model and throws.
        try (Connection db = new DevServicesReport().database()) {
            db.setAutoCommit(false);
            try (var lock = db.createStatement()) {
                lock.execute("lock table lotabots.model_policy_version in access exclusive mode");
            }
            location = AttestationApi.accepted(ModelAttestationIT.submit(admin, modelId, null));
            assertEquals(1, usage(admin).getInt("concurrentJobs"), "the job holds its slot");
            assertEquals(204, admin.delete("/api/v1/models/" + modelId).statusCode());
            db.rollback();
        }

        var result = AttestationApi.awaitVerdict(admin, location);
        assertEquals("FAILED", result.getString("status"), result.toString());
        assertEquals(0, usage(admin).getInt("concurrentJobs"), "the failed job's slot is free again");
        assertEquals("RELEASED", allocationStatus(UUID.fromString(result.getString("id"))));
        Eventually.await(
                Duration.ofSeconds(30),
                () -> ai(Metrics.scrape(), "failed"),
                failed -> failed >= failedBefore + 1,
                "attestation_requests_total{type=\"ai\",verdict=\"failed\"} to count the failure");
    }

    @Test
    void theDailyCpuQuotaChargedByRealJobsRefusesTheNextJob429UntilMidnight() {
        var tenant = TestTenant.create("model-cpu");
        var admin = tenant.admin();
        var quota = admin.putJson(
                QUOTAS, "{\"storedModelBytes\": 1000000000, \"concurrentJobs\": 4, \"cpuSecondsPerDay\": 1}", null);
        assertEquals(200, quota.statusCode(), quota.body());
        String modelId = upload(admin, "busy", "model.pkl", busyPickle(5_000_000));
        double refusedBefore =
                Metrics.value(Metrics.scrape(), "resources_quota_refusals_total{quota=\"cpu-seconds-per-day\"}");

        // each job's CPU is charged when it ends; while any of the second is left a job is admitted
        int jobs = 0;
        while (usage(admin).getJsonNumber("cpuSecondsToday").doubleValue() < 1) {
            assertTrue(++jobs <= 40, "40 scans of a 15 MB pickle used less than a CPU-second: " + usage(admin));
            var result = AttestationApi.awaitVerdict(
                    admin, AttestationApi.accepted(ModelAttestationIT.submit(admin, modelId, null)));
            assertTrue(!"FAILED".equals(result.getString("status")), result.toString());
        }
        long rowsBefore = AttestationApi.rows(tenant.id());

        HttpResponse<String> refused = ModelAttestationIT.submit(admin, modelId, null);

        assertEquals(429, refused.statusCode(), refused.body());
        JsonObject problem = ApiClient.json(refused);
        assertEquals("cpu-seconds-per-day", problem.getString("quota"), problem.toString());
        assertEquals(1, problem.getInt("limit"));
        assertTrue(problem.getJsonNumber("used").doubleValue() >= 1, problem.toString());
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        long toMidnight = Duration.between(
                        Instant.now(), LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC))
                .toSeconds();
        assertTrue(Math.abs(retryAfter - toMidnight) <= 60, retryAfter + " s is not until the next UTC day");
        assertEquals(rowsBefore, AttestationApi.rows(tenant.id()), "no job stored");
        assertEquals(0, usage(admin).getInt("concurrentJobs"), "nothing allocated");
        assertTrue(
                Metrics.value(Metrics.scrape(), "resources_quota_refusals_total{quota=\"cpu-seconds-per-day\"}")
                        >= refusedBefore + 1,
                "the refusal counted under its quota");
    }

    private static JsonObject verdictOf(ApiClient admin, String modelId) {
        return AttestationApi.awaitVerdict(
                admin, AttestationApi.accepted(ModelAttestationIT.submit(admin, modelId, null)));
    }

    private static double ai(String metrics, String verdict) {
        return Metrics.value(metrics, "attestation_requests_total{type=\"ai\",verdict=\"" + verdict + "\"}");
    }

    private static JsonObject usage(ApiClient admin) {
        var response = admin.get(QUOTAS);
        assertEquals(200, response.statusCode(), response.body());
        return ApiClient.json(response).getJsonObject("usage");
    }

    private static String upload(ApiClient api, String name, String file, byte[] bytes) {
        var response = ModelUploads.form().name(name).file(file, bytes).send(api);
        assertEquals(201, response.statusCode(), response.body());
        return ApiClient.json(response).getString("id");
    }

    /** PROTO 2, GLOBAL os system, BINUNICODE "id", TUPLE1, REDUCE, STOP: pickle.loads would run `id`. */
    static byte[] osSystemPickle() {
        var pickle = new ByteArrayOutputStream();
        pickle.writeBytes(new byte[] {(byte) 0x80, 2, 'c'});
        pickle.writeBytes("os\nsystem\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        pickle.writeBytes(new byte[] {'X', 2, 0, 0, 0, 'i', 'd', (byte) 0x85, 'R', '.'});
        return pickle.toByteArray();
    }

    /** A harmless pickle that keeps the simulator busy: PROTO 2, {@code ops} × (BININT1 1, POP), NONE, STOP. */
    static byte[] busyPickle(int ops) {
        byte[] pickle = new byte[2 + 3 * ops + 2];
        pickle[0] = (byte) 0x80;
        pickle[1] = 2;
        for (int i = 0; i < ops; i++) {
            pickle[2 + 3 * i] = 'K';
            pickle[3 + 3 * i] = 1;
            pickle[4 + 3 * i] = '0';
        }
        pickle[pickle.length - 2] = 'N';
        pickle[pickle.length - 1] = '.';
        return pickle;
    }

    private static String allocationStatus(UUID jobId) throws SQLException {
        try (var db = new DevServicesReport().database();
                var q = db.prepareStatement("select status from lotabots.resource_allocation where job_id = ?")) {
            q.setObject(1, jobId);
            try (var rs = q.executeQuery()) {
                assertTrue(rs.next(), "job " + jobId + " took an allocation");
                return rs.getString(1);
            }
        }
    }
}
