package io.lotabots.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.document.DocumentForms;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The legal-hold API: officers place and release holds with a reason, auditors only read, every change is
 * audited with its real actor, and what is invalid, unknown or another tenant's is refused without a change.
 */
class LegalHoldsIT {

    private static TestTenant tenant;
    private static ApiClient officer;
    private static UUID officerId;
    private static ApiClient auditor;

    @BeforeAll
    static void tenantWithAnOfficerAndAnAuditor() {
        tenant = TestTenant.create("holds");
        var officerUser = tenant.userWithRoles("COMPLIANCE_OFFICER");
        officerId = officerUser.id();
        officer = officerUser.login();
        auditor = tenant.userWithRoles("AUDITOR").login();
    }

    @Test
    void anOfficerPlacesAndReleasesAHoldAndBothAreAuditedWithTheOfficer() {
        String document = DocumentForms.upload(tenant.admin(), "held contract");
        var placed = Holds.place(officer, Holds.onObject("document", document));
        assertEquals(201, placed.statusCode(), placed.body());
        JsonObject hold = ApiClient.json(placed);
        String id = hold.getString("id");
        assertTrue(placed.headers().firstValue("Location").orElseThrow().endsWith(Holds.HOLDS + "/" + id));
        assertEquals("object", hold.getString("scope"));
        assertEquals("document", hold.getString("objectType"));
        assertTrue(hold.getBoolean("active"));
        assertEquals(officerId.toString(), hold.getString("placedBy"));

        var listed = auditor.get(Holds.HOLDS);
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().contains(id), "the auditor reads the hold: " + listed.body());

        var released = Holds.release(officer, id, "Case 17 closed");
        assertEquals(200, released.statusCode(), released.body());
        assertFalse(ApiClient.json(released).getBoolean("active"));
        assertEquals("Case 17 closed", ApiClient.json(released).getString("releaseReason"));
        assertEquals(409, Holds.release(officer, id, "again").statusCode(), "released once only");

        assertAudited("retention.hold.placed", id);
        assertAudited("retention.hold.released", id);
    }

    @Test
    void aSubjectAndATenantHoldAreListedActiveFirst() {
        String subjectHold = Holds.placed(officer, Holds.onSubject(officerId));
        String tenantHold = Holds.placed(tenant.admin(), "{\"scope\": \"tenant\", \"reason\": \"Audit 2026\"}");
        assertEquals(
                200, Holds.release(tenant.admin(), tenantHold, "Audit over").statusCode());

        var items = ApiClient.json(auditor.get(Holds.HOLDS)).getJsonArray("items");
        int subjectAt = -1;
        int tenantAt = -1;
        for (int i = 0; i < items.size(); i++) {
            String id = items.getJsonObject(i).getString("id");
            subjectAt = id.equals(subjectHold) ? i : subjectAt;
            tenantAt = id.equals(tenantHold) ? i : tenantAt;
        }
        assertTrue(subjectAt >= 0 && tenantAt > subjectAt, "active before released: " + items);
        assertEquals(200, auditor.get(Holds.HOLDS + "/" + subjectHold).statusCode());
        assertEquals(200, Holds.release(officer, subjectHold, "done").statusCode());
    }

    @Test
    void aBadScopeIs400NamingTheFieldAndPlacesNothing() {
        int before = holdCount();
        assertNamed(Holds.place(officer, "{\"scope\": \"planet\", \"reason\": \"r\"}"), "scope");
        assertNamed(Holds.place(officer, "{\"scope\": \"subject\", \"reason\": \"r\"}"), "subject");
        assertNamed(
                Holds.place(
                        officer,
                        "{\"scope\": \"object\", \"objectType\": \"car\", \"objectId\": \"x\","
                                + " \"reason\": \"r\"}"),
                "objectType");
        assertNamed(Holds.place(officer, "{\"scope\": \"tenant\"}"), "reason");
        assertEquals(before, holdCount(), "nothing placed");
    }

    @Test
    void anObjectHoldOnAnotherTenantsIdIsNotFound() {
        var other = TestTenant.create("holds-other");
        String theirs = DocumentForms.upload(other.admin(), "not yours");
        int before = holdCount();

        var response = Holds.place(officer, Holds.onObject("document", theirs));

        assertEquals(404, response.statusCode(), response.body());
        assertEquals(
                404,
                Holds.place(officer, Holds.onObject("model", UUID.randomUUID().toString()))
                        .statusCode());
        assertEquals(before, holdCount());
    }

    @Test
    void anUnknownHoldIsNotFoundAndAReleaseNeedsAReason() {
        assertEquals(
                404, Holds.release(officer, UUID.randomUUID().toString(), "x").statusCode());
        assertEquals(404, officer.get(Holds.HOLDS + "/" + UUID.randomUUID()).statusCode());
        assertEquals(404, officer.get(Holds.HOLDS + "/not-an-id").statusCode());
        String id = Holds.placed(officer, "{\"scope\": \"tenant\", \"reason\": \"Inquiry\"}");

        assertNamed(Holds.release(officer, id, null), "reason");
        assertNamed(Holds.release(officer, id, "r".repeat(1001)), "reason");
        assertTrue(ApiClient.json(officer.get(Holds.HOLDS + "/" + id)).getBoolean("active"), "still held");
        assertEquals(200, Holds.release(officer, id, "Inquiry closed").statusCode());
    }

    @Test
    void anAuditorCannotPlaceOrReleaseAHold() {
        var placed = Holds.place(auditor, "{\"scope\": \"tenant\", \"reason\": \"r\"}");
        assertEquals(403, placed.statusCode(), placed.body());
        String id = Holds.placed(officer, "{\"scope\": \"tenant\", \"reason\": \"Inquiry 2\"}");
        assertEquals(403, Holds.release(auditor, id, "no").statusCode());
        assertEquals(200, Holds.release(officer, id, "Inquiry 2 closed").statusCode());
        var developer = tenant.userWithRoles("DEVELOPER").login();
        assertEquals(403, developer.get(Holds.HOLDS).statusCode());
        assertEquals(403, developer.get("/api/v1/privacy/retention").statusCode());
    }

    @Test
    void theRetentionPeriodsInForceAreShown() {
        var response = auditor.get("/api/v1/privacy/retention");
        assertEquals(200, response.statusCode(), response.body());
        var view = ApiClient.json(response);
        var periods = view.getJsonArray("periods");
        assertEquals("documents", periods.getJsonObject(0).getString("dataClass"));
        assertEquals("P1095D", periods.getJsonObject(0).getString("period"));
        assertEquals("models", periods.getJsonObject(1).getString("dataClass"));
        assertFalse(periods.getJsonObject(1).getBoolean("forever"));
        assertEquals("audit-events", view.getJsonArray("kept").getJsonObject(0).getString("dataClass"));
    }

    private int holdCount() {
        return ApiClient.json(officer.get(Holds.HOLDS)).getJsonArray("items").size();
    }

    private static void assertNamed(HttpResponse<String> response, String field) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("\"" + field + "\""), field + " named: " + response.body());
    }

    private static void assertAudited(String action, String holdId) {
        var events = ApiClient.json(auditor.get(
                        "/api/v1/audit/events?action=" + action + "&targetType=legal-hold&targetId=" + holdId))
                .getJsonArray("items");
        assertEquals(1, events.size(), action + ": " + events);
        assertEquals(officerId.toString(), events.getJsonObject(0).getString("actor"));
    }

    @Test
    void anErasureIsNotApprovedNorRunWhileAHoldCoversTheSubjectsData() {
        var subject = tenant.userWithRoles("DEVELOPER");
        String document = DocumentForms.upload(subject.login(), "the subject's own contract");
        var secondOfficer = tenant.userWithRoles("COMPLIANCE_OFFICER").login();
        var filed = officer.postJson(
                "/api/v1/privacy/requests", "{\"type\": \"erasure\", \"subject\": \"" + subject.id() + "\"}");
        assertEquals(201, filed.statusCode(), filed.body());
        String approval = "/api/v1/privacy/requests/" + ApiClient.json(filed).getString("id") + "/approval";
        String approve = "{\"approve\": true, \"reason\": \"identity verified\"}";

        String subjectHold = Holds.placed(officer, Holds.onSubject(subject.id()));
        var refused = secondOfficer.postJson(approval, approve);
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains(subjectHold), "the refusal names the hold: " + refused.body());
        assertEquals(200, Holds.release(officer, subjectHold, "Case 18 closed").statusCode());

        String documentHold = Holds.placed(officer, Holds.onObject("document", document));
        var refusedForTheDocument = secondOfficer.postJson(approval, approve);
        assertEquals(409, refusedForTheDocument.statusCode(), "an object hold on what the subject owns stops it too");
        assertTrue(refusedForTheDocument.body().contains(documentHold), refusedForTheDocument.body());
        var stillWaiting = ApiClient.json(officer.get(approval.replace("/approval", "")));
        assertEquals("AWAITING_APPROVAL", stillWaiting.getString("state"), "a refused approval changes nothing");
        assertEquals(200, officer.get("/api/v1/documents/" + document).statusCode());

        assertEquals(200, Holds.release(officer, documentHold, "Case 17 closed").statusCode());
        var approved = secondOfficer.postJson(approval, approve);
        assertEquals(200, approved.statusCode(), approved.body());
    }
}
