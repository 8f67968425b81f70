package io.lotabots.attestation;

import static io.lotabots.attestation.AttestationApi.accepted;
import static io.lotabots.attestation.AttestationApi.awaitVerdict;
import static io.lotabots.attestation.AttestationApi.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testkit.tpm.AkKind;
import io.lotabots.testkit.tpm.AttestationKey;
import io.lotabots.testkit.tpm.SoftwareTpm;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.Metrics;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reading results: confined to the tenant, listed newest first with filters and cursor paging, each
 * submission and verdict in the audit trail and the metrics.
 */
class AttestationResultsIT {

    private static final String LIST = "/api/v1/attestations";
    private static SoftwareTpm tpm;
    private static AttestationKey ak;
    private static TestTenant tenant;
    private static ApiClient admin;
    private static Instant start;
    private static final List<String> verifiedIds = new ArrayList<>();
    private static String rejectedId;
    private static String deviceRejectedId;
    private static final UUID device = UUID.randomUUID();

    @BeforeAll
    static void threeVerifiedOneRejectedOneNamingADevice() {
        AttestationApi.awaitApplication();
        tpm = SoftwareTpm.start();
        ak = tpm.createAttestationKey(AkKind.ECC_P256);
        tenant = TestTenant.create("hw-results");
        admin = tenant.admin();
        start = Instant.now().minusSeconds(1);
        for (int i = 0; i < 3; i++) {
            byte[] nonce = AttestationApi.nonce(admin);
            var result = awaitVerdict(
                    admin,
                    accepted(submit(admin, TpmEvidence.json(nonce, tpm.quote(ak, nonce, TpmEvidence.SELECTION), ak))));
            assertEquals("VERIFIED", result.getString("status"), result.toString());
            verifiedIds.add(result.getString("id"));
        }
        byte[] unknown = new byte[16];
        new SecureRandom().nextBytes(unknown);
        rejectedId = awaitVerdict(
                        admin,
                        accepted(submit(
                                admin, TpmEvidence.json(unknown, tpm.quote(ak, unknown, TpmEvidence.SELECTION), ak))))
                .getString("id");
        byte[] nonce = AttestationApi.nonce(admin);
        var named = Json.createObjectBuilder(TpmEvidence.json(nonce, tpm.quote(ak, nonce, TpmEvidence.SELECTION), ak))
                .add("deviceId", device.toString())
                .build();
        deviceRejectedId = awaitVerdict(admin, accepted(submit(admin, named))).getString("id");
    }

    @AfterAll
    static void stopTpm() {
        if (tpm != null) {
            tpm.close();
        }
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").stream()
                .map(i -> i.asJsonObject().getString("id"))
                .toList();
    }

    private static JsonObject page(String query) {
        var response = admin.get(LIST + query);
        assertEquals(200, response.statusCode(), response.body());
        return ApiClient.json(response);
    }

    @Test
    void anotherTenantsIdsAreNotFound() {
        var stranger = TestTenant.create("hw-results-other").admin();
        String id = verifiedIds.get(0);

        assertEquals(404, stranger.get(LIST + "/" + id).statusCode());
        assertEquals(404, stranger.get(LIST + "/" + id + "/evidence").statusCode());
        assertEquals(404, stranger.get(LIST + "/" + id + "/report").statusCode());
        assertEquals(List.of(), ids(ApiClient.json(stranger.get(LIST))));
        assertEquals(404, admin.get(LIST + "/" + UUID.randomUUID()).statusCode());
        assertEquals(404, admin.get(LIST + "/not-an-id").statusCode());
    }

    @Test
    void listsNewestFirstAndFiltersByStatusVerdictDeviceAndTime() {
        var all = ids(page(""));
        assertEquals(5, all.size());
        assertEquals(deviceRejectedId, all.get(0), "newest first");

        assertEquals(
                List.of(rejectedId),
                ids(page("?status=rejected&deviceId=")).stream()
                        .filter(id -> !id.equals(deviceRejectedId))
                        .toList());
        assertEquals(3, ids(page("?verdict=WARNING&type=hardware")).size());
        assertEquals(List.of(deviceRejectedId), ids(page("?deviceId=" + device)));
        assertEquals(5, ids(page("?from=" + enc(start.toString()))).size());
        assertEquals(0, ids(page("?to=" + enc(start.toString()))).size());
    }

    @Test
    void pagesWithACursorWithoutRepeatingOrSkipping() {
        var seen = new ArrayList<String>();
        String next = LIST + "?limit=2";
        int pages = 0;
        while (next != null && pages++ < 10) {
            var response = admin.get(next);
            assertEquals(200, response.statusCode(), response.body());
            var page = ApiClient.json(response);
            seen.addAll(ids(page));
            next = page.isNull("next") ? null : page.getString("next");
        }
        assertEquals(3, pages);
        assertEquals(5, seen.size());
        assertEquals(5, new HashSet<>(seen).size());
        assertEquals(ids(page("")), seen);
    }

    @Test
    void invalidFiltersAreNamedInOneProblem() {
        var response = admin.get(LIST + "?status=DONE&limit=0&from=yesterday&cursor=xyz");

        assertEquals(400, response.statusCode());
        var fields = ApiClient.json(response).getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .sorted()
                .toList();
        assertEquals(List.of("cursor", "from", "limit", "status"), fields);
    }

    @Test
    void everySubmissionAndVerdictIsAudited() {
        assertEquals(5, AttestationApi.auditEvents(tenant.id(), "attestation.submitted"));
        long verified = AttestationApi.auditEvents(tenant.id(), "attestation.verified");
        long rejected = AttestationApi.auditEvents(tenant.id(), "attestation.rejected");
        assertTrue(verified >= 3 && rejected >= 1, verified + " verified, " + rejected + " rejected");
        assertEquals(5, verified + rejected, "one verdict per job");
    }

    @Test
    void theMetricsCountVerdictsAndShowTheQueue() {
        String metrics = Metrics.scrape();

        assertTrue(metrics.contains("attestation_requests_total{"), metrics);
        assertTrue(metrics.lines()
                .anyMatch(l -> l.startsWith("attestation_requests_total{")
                        && l.contains("type=\"hardware\"")
                        && l.contains("verdict=\"verified\"")
                        && !l.endsWith(" 0.0")));
        assertTrue(metrics.contains("attestation_success_rate{"));
        assertTrue(metrics.contains("attestation_queue_depth{"));
        assertTrue(metrics.contains("attestation_verification_duration_seconds"));
    }

    @Test
    void auditorsAndComplianceOfficersReadResultsButCannotSubmit() {
        String password = TestTenant.newPassword();
        tenant.createUser("compliance", password, "COMPLIANCE_OFFICER");
        var officer = ApiClient.withToken(tenant.accessToken("compliance", password));

        assertEquals(200, officer.get(LIST + "/" + verifiedIds.get(1)).statusCode());
        assertEquals(403, officer.postJson(AttestationApi.SUBMIT, "{}").statusCode());
        assertNotEquals(200, new ApiClient().get(LIST).statusCode());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
