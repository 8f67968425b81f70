package io.lotabots.attestation;

import static io.lotabots.attestation.AttestationApi.accepted;
import static io.lotabots.attestation.AttestationApi.awaitVerdict;
import static io.lotabots.attestation.AttestationApi.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testkit.tpm.AkKind;
import io.lotabots.testkit.tpm.AttestationKey;
import io.lotabots.testkit.tpm.SoftwareTpm;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reviewing a verdict through the API: accepted or flagged with a justification, the current review
 * in the attestation's document and the history kept, each review audited; bad input stores nothing,
 * auditors may read but not review, and another tenant's attestation is not found.
 */
class AttestationReviewIT {

    private static SoftwareTpm tpm;
    private static AttestationKey ak;
    private static TestTenant tenant;
    private static ApiClient admin;
    private static ApiClient officer;
    private static ApiClient auditor;

    @BeforeAll
    static void tenantWithAnOfficerAndAnAuditor() {
        awaitApplication();
        tpm = SoftwareTpm.start();
        ak = tpm.createAttestationKey(AkKind.ECC_P256);
        tenant = TestTenant.create("hw-review");
        admin = tenant.admin();
        officer = user("officer", "COMPLIANCE_OFFICER");
        auditor = user("auditor", "AUDITOR");
    }

    /** Until the application answers; a request that times out while it starts is one more try. */
    static void awaitApplication() {
        Eventually.await(
                Duration.ofSeconds(240),
                () -> {
                    try {
                        return new ApiClient().get("/.well-known/jwks.json").statusCode();
                    } catch (RuntimeException notYet) {
                        return -1;
                    }
                },
                status -> status == 200,
                "the application to start");
    }

    @AfterAll
    static void stopTpm() {
        if (tpm != null) {
            tpm.close();
        }
    }

    private static ApiClient user(String name, String role) {
        String password = TestTenant.newPassword();
        tenant.createUser(name, password, role);
        return ApiClient.withToken(tenant.accessToken(name, password));
    }

    private static String verifiedAttestation() {
        byte[] nonce = AttestationApi.nonce(admin);
        var result = awaitVerdict(
                admin,
                accepted(submit(admin, TpmEvidence.json(nonce, tpm.quote(ak, nonce, TpmEvidence.SELECTION), ak))));
        assertEquals("VERIFIED", result.getString("status"), result.toString());
        return result.getString("id");
    }

    private static HttpResponse<String> review(ApiClient client, String id, String decision, String justification) {
        var body = Json.createObjectBuilder();
        if (decision != null) {
            body.add("decision", decision);
        }
        if (justification != null) {
            body.add("justification", justification);
        }
        return client.postJson(
                "/api/v1/attestations/" + id + "/review", body.build().toString());
    }

    /** JSON-B leaves out null fields: no review is no {@code review} member. */
    private static boolean unreviewed(JsonObject attestation) {
        return !attestation.containsKey("review") || attestation.isNull("review");
    }

    private static JsonObject attestation(String id) {
        var response = officer.get("/api/v1/attestations/" + id);
        assertEquals(200, response.statusCode(), response.body());
        return ApiClient.json(response);
    }

    @Test
    void aFlagWithoutJustificationIsA400AndStoresNothing() {
        String id = verifiedAttestation();

        var response = review(officer, id, "FLAGGED", "   ");

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        var problem = ApiClient.json(response);
        assertEquals("https://lotabots.io/problems/validation", problem.getString("type"));
        assertEquals(
                "justification", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertTrue(unreviewed(attestation(id)), "no review stored");
        assertEquals(0, reviewEvents(id), "no audit event");
    }

    @Test
    void anUnknownDecisionIsA400() {
        String id = verifiedAttestation();

        var response = review(officer, id, "MAYBE", "why not");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals(
                "decision",
                ApiClient.json(response).getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void anOfficerFlagsAVerdictAndTheAttestationCarriesTheReviewAndTheAuditTrailTheJustification() {
        String id = verifiedAttestation();

        var response = review(officer, id, "FLAGGED", "Bot runs on a host we retired last week");

        assertEquals(201, response.statusCode(), response.body());
        var review = attestation(id).getJsonObject("review");
        assertEquals("FLAGGED", review.getString("decision"));
        assertEquals("Bot runs on a host we retired last week", review.getString("justification"));
        assertEquals("officer", review.getString("reviewerName"));
        assertEquals(1, reviewEvents(id));
        assertTrue(auditDetails(id).contains("Bot runs on a host we retired last week"), auditDetails(id));
        var listed = ApiClient.json(officer.get("/api/v1/attestations?limit=200")).getJsonArray("items").stream()
                .map(v -> v.asJsonObject())
                .filter(a -> a.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
        assertEquals("FLAGGED", listed.getJsonObject("review").getString("decision"), "the list shows it too");
    }

    @Test
    void aLaterReviewBecomesCurrentAndTheHistoryKeepsBoth() {
        String id = verifiedAttestation();
        assertEquals(201, review(officer, id, "FLAGGED", "looks odd").statusCode());

        var accepted = review(admin, id, "ACCEPTED", "The odd PCR was a planned firmware update");

        assertEquals(201, accepted.statusCode(), accepted.body());
        assertEquals("ACCEPTED", attestation(id).getJsonObject("review").getString("decision"));
        var history = ApiClient.json(auditor.get("/api/v1/attestations/" + id + "/review"));
        assertEquals("ACCEPTED", history.getJsonObject("current").getString("decision"));
        assertEquals(2, history.getJsonArray("history").size());
        assertEquals("FLAGGED", history.getJsonArray("history").getJsonObject(1).getString("decision"));
        assertEquals(2, reviewEvents(id));
    }

    @Test
    void acceptingAFlaggedVerdictWithoutJustificationIsA400AndTheFlagStays() {
        String id = verifiedAttestation();
        assertEquals(
                201,
                review(officer, id, "FLAGGED", "Quote from an unknown rack").statusCode());

        var response = review(admin, id, "ACCEPTED", "  ");

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        var problem = ApiClient.json(response);
        assertEquals("https://lotabots.io/problems/validation", problem.getString("type"));
        var error = problem.getJsonArray("errors").getJsonObject(0);
        assertEquals("justification", error.getString("field"));
        assertEquals("is required to accept a flagged verdict", error.getString("message"));
        assertEquals("FLAGGED", attestation(id).getJsonObject("review").getString("decision"), "the flag stays");
        assertEquals(
                1,
                ApiClient.json(auditor.get("/api/v1/attestations/" + id + "/review"))
                        .getJsonArray("history")
                        .size());
        assertEquals(1, reviewEvents(id), "no audit event for the refused review");
    }

    @Test
    void acceptingAnUnflaggedVerdictNeedsNoJustification() {
        String id = verifiedAttestation();
        assertEquals(201, review(officer, id, "ACCEPTED", null).statusCode());

        var again = review(admin, id, "ACCEPTED", null);

        assertEquals(201, again.statusCode(), again.body());
    }

    @Test
    void anAuditorReadsButDoesNotReview() {
        String id = verifiedAttestation();

        var response = review(auditor, id, "ACCEPTED", null);

        assertEquals(403, response.statusCode(), response.body());
        assertEquals(200, auditor.get("/api/v1/attestations/" + id + "/review").statusCode());
        assertEquals(0, reviewEvents(id));
    }

    @Test
    void anotherTenantsAttestationIsNotFound() {
        String id = verifiedAttestation();
        var stranger = TestTenant.create("hw-review-other").admin();

        assertEquals(404, review(stranger, id, "ACCEPTED", null).statusCode());
        assertEquals(404, stranger.get("/api/v1/attestations/" + id + "/review").statusCode());
        assertEquals(
                404,
                review(officer, UUID.randomUUID().toString(), "ACCEPTED", null).statusCode());
        assertTrue(unreviewed(attestation(id)));
    }

    private static long reviewEvents(String id) {
        return Long.parseLong(query(
                "select count(*) from lotabots.audit_event where tenant_id = ?"
                        + " and action = 'attestation.reviewed' and target_id = ?",
                id));
    }

    private static String auditDetails(String id) {
        return query(
                "select string_agg(details::text, ' ') from lotabots.audit_event where tenant_id = ?"
                        + " and action = 'attestation.reviewed' and target_id = ?",
                id);
    }

    private static String query(String sql, String targetId) {
        try (var db = new DevServicesReport().database();
                var q = db.prepareStatement(sql)) {
            q.setObject(1, tenant.id());
            q.setString(2, targetId);
            try (var rs = q.executeQuery()) {
                rs.next();
                return String.valueOf(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
