package io.lotabots.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.model.ModelUploads;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.TestTenant;
import io.lotabots.testsupport.TestUser;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Consent through the API: the purpose catalogue, self-service and recorded consents, receipts, search, the gate. */
class ConsentIT {

    private static final String PURPOSES = "/api/v1/privacy/purposes";
    private static final String CONSENTS = "/api/v1/privacy/consents";
    private static final String RECORDS = "/api/v1/privacy/consent-records";
    private static final String MINE = "/api/v1/privacy/me/consents";

    private static TestTenant tenant;
    private static ApiClient officer;

    @BeforeAll
    static void tenant() {
        tenant = TestTenant.create("consent");
        officer = tenant.userWithRoles("COMPLIANCE_OFFICER").login();
    }

    @Test
    void anOfficerAddsPurposesEveryRoleReadsThemAndOnlyOfficersAndAdministratorsChangeThem() {
        var created = officer.postJson(PURPOSES, purpose("analytics", "CONSENT", List.of()));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith(PURPOSES + "/analytics"));
        JsonObject body = ApiClient.json(created);
        assertEquals("CONSENT", body.getString("legalBasis"));
        assertEquals(1, body.getInt("policyVersion"));

        var again = officer.postJson(PURPOSES, purpose("analytics", "CONSENT", List.of()));
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("purpose-exists"), again.body());

        for (String role : List.of("ADMIN", "OPERATOR", "DEVELOPER", "AUDITOR")) {
            var api = tenant.userWithRoles(role).login();
            var read = api.get(PURPOSES + "/analytics");
            assertEquals(200, read.statusCode(), role + ": " + read.body());
            assertTrue(api.get(PURPOSES).body().contains("\"analytics\""), role);
        }
        for (String role : List.of("OPERATOR", "DEVELOPER", "AUDITOR")) {
            var refused = tenant.userWithRoles(role)
                    .login()
                    .postJson(PURPOSES, purpose("x-" + role.toLowerCase(), "CONSENT", List.of()));
            assertEquals(403, refused.statusCode(), role + ": " + refused.body());
        }
        assertEquals(404, officer.get(PURPOSES + "/no-such-purpose").statusCode());
        String[] event = latestEvent(tenant.id(), "consent.purpose.created");
        assertEquals("analytics", event[3]);
    }

    @Test
    void aPurposeWithInvalidFieldsIsRefusedNamingEachFieldAndNothingIsStored() {
        var response = officer.postJson(
                PURPOSES,
                """
                {"code": "Bad Code", "name": "", "description": "d", "legalBasis": "WHIM",
                 "requiredFor": ["MIND_READING"], "policyText": "t", "policyUrl": "ftp://x"}""");
        assertEquals(400, response.statusCode(), response.body());
        for (String field : List.of("code", "name", "legalBasis", "requiredFor[0]", "policyUrl")) {
            assertTrue(response.body().contains("\"" + field + "\""), field + " in " + response.body());
        }
        var notConsent = officer.postJson(PURPOSES, purpose("contract-gate", "CONTRACT", List.of("MODEL_UPLOAD")));
        assertEquals(400, notConsent.statusCode(), notConsent.body());
        assertTrue(notConsent.body().contains("\"requiredFor\""), notConsent.body());
        assertEquals(404, officer.get(PURPOSES + "/contract-gate").statusCode());
    }

    @Test
    void aSubjectGrantsAndWithdrawsWithAReceiptWhoseDigestTheAuditChainHolds() throws Exception {
        create("newsletter", List.of());
        TestUser user = tenant.userWithRoles("DEVELOPER");
        ApiClient self = user.login();

        JsonObject before = own(self, "newsletter");
        assertEquals("none", before.getString("state"));

        var granted = self.putJson(MINE + "/newsletter", "{\"granted\": true}", null);
        assertEquals(200, granted.statusCode(), granted.body());
        JsonObject record = ApiClient.json(granted);
        assertEquals("granted", record.getString("state"));
        assertEquals("SELF_SERVICE", record.getString("source"));
        assertEquals(user.id().toString(), record.getString("subject"));
        String receiptPath = granted.headers().firstValue("Location").orElseThrow();
        assertEquals("granted", own(self, "newsletter").getString("state"));

        var receipt = self.get(receiptPath.substring(receiptPath.indexOf("/api/v1")));
        assertEquals(200, receipt.statusCode(), receipt.body());
        JsonObject kantara = ApiClient.json(receipt);
        assertEquals("KI-CR-v1.1.0", kantara.getString("version"));
        assertEquals(user.id().toString(), kantara.getString("piiPrincipalId"));
        assertEquals(record.getString("id"), kantara.getString("consentReceiptID"));
        assertEquals(
                tenant.name(),
                kantara.getJsonArray("piiControllers").getJsonObject(0).getString("piiController"));
        assertEquals("urn:lotabots:consent:newsletter:policy:1", kantara.getString("policyUrl"));
        assertEquals(
                "newsletter",
                kantara.getJsonArray("services")
                        .getJsonObject(0)
                        .getJsonArray("purposes")
                        .getJsonObject(0)
                        .getJsonArray("purposeCategory")
                        .getString(0));
        String digest = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(receipt.body().getBytes(StandardCharsets.UTF_8)));
        String[] event = latestEvent(tenant.id(), "consent.granted");
        assertEquals(user.id().toString(), event[0]);
        assertTrue(event[2].contains(digest), "receipt digest in " + event[2]);

        var withdrawn = self.putJson(MINE + "/newsletter", "{\"granted\": false}", null);
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        assertEquals("withdrawn", own(self, "newsletter").getString("state"));
        assertEquals(user.id().toString(), latestEvent(tenant.id(), "consent.withdrawn")[0]);

        var history = ApiClient.json(self.get("/api/v1/privacy/me/consent-records?purpose=newsletter"));
        assertEquals(2, history.getJsonArray("items").size());
        assertEquals("withdrawn", history.getJsonArray("items").getJsonObject(0).getString("state"));

        // someone else's receipt is nobody's business but the officers'
        var other = tenant.userWithRoles("DEVELOPER").login();
        String ownPath = receiptPath.substring(receiptPath.indexOf("/api/v1"));
        assertEquals(404, other.get(ownPath).statusCode());
        assertEquals(
                200,
                officer.get(RECORDS + "/" + record.getString("id") + "/receipt").statusCode());
        var foreignOfficer = TestTenant.create("consent-foreign")
                .userWithRoles("COMPLIANCE_OFFICER")
                .login();
        assertEquals(
                404,
                foreignOfficer
                        .get(RECORDS + "/" + record.getString("id") + "/receipt")
                        .statusCode());
        assertEquals(
                403,
                self.get(RECORDS + "/" + record.getString("id") + "/receipt").statusCode());
    }

    @Test
    void aGrantUnderAnOlderPolicyIsDueForRenewalAfterANewVersionIsPublished() {
        create("research", List.of());
        ApiClient self = tenant.userWithRoles("OPERATOR").login();
        assertEquals(
                200,
                self.putJson(MINE + "/research", "{\"granted\": true}", null).statusCode());

        var published =
                officer.postJson(PURPOSES + "/research/policies", "{\"policyText\": \"Now also for benchmarks.\"}");
        assertEquals(201, published.statusCode(), published.body());
        assertEquals(2, ApiClient.json(published).getInt("version"));

        JsonObject state = own(self, "research");
        assertEquals(1, state.getInt("policyVersion"));
        assertEquals(2, state.getInt("currentPolicyVersion"));
        assertTrue(state.getBoolean("renewalDue"));
        var policies = ApiClient.json(self.get(PURPOSES + "/research/policies")).getJsonArray("items");
        assertEquals(2, policies.getJsonObject(0).getInt("version"));

        var tooNew = self.putJson(MINE + "/research", "{\"granted\": true, \"policyVersion\": 3}", null);
        assertEquals(400, tooNew.statusCode(), tooNew.body());
        assertTrue(tooNew.body().contains("\"policyVersion\""), tooNew.body());
        assertEquals(
                200,
                self.putJson(MINE + "/research", "{\"granted\": true}", null).statusCode());
        assertFalse(own(self, "research").getBoolean("renewalDue"));
    }

    @Test
    void officersRecordConsentsOfExternalSubjectsAndSearchThemBySubjectPurposeStateAndTime() {
        create("marketing", List.of());
        String subject = "customer-" + UUID.randomUUID();
        Instant start = Instant.now().minusSeconds(1);
        var granted = officer.postJson(CONSENTS, consent(subject, "marketing", true));
        assertEquals(201, granted.statusCode(), granted.body());
        assertEquals("RECORDED", ApiClient.json(granted).getString("source"));
        assertEquals(
                201,
                officer.postJson(CONSENTS, consent(subject + "-2", "marketing", true))
                        .statusCode());
        assertEquals(
                201,
                officer.postJson(CONSENTS, consent(subject + "-2", "marketing", false))
                        .statusCode());

        var bySubject = ApiClient.json(officer.get(CONSENTS + "?subject=" + enc(subject)))
                .getJsonArray("items");
        assertEquals(1, bySubject.size());
        assertEquals("granted", bySubject.getJsonObject(0).getString("state"));

        var withdrawn = ApiClient.json(officer.get(CONSENTS + "?purpose=marketing&state=withdrawn"))
                .getJsonArray("items");
        assertEquals(1, withdrawn.size());
        assertEquals(subject + "-2", withdrawn.getJsonObject(0).getString("subject"));

        var since = ApiClient.json(officer.get(RECORDS + "?purpose=marketing&from=" + start))
                .getJsonArray("items");
        assertEquals(3, since.size());
        var none = ApiClient.json(officer.get(RECORDS + "?purpose=marketing&to=" + start))
                .getJsonArray("items");
        assertEquals(0, none.size());

        var auditor = tenant.userWithRoles("AUDITOR").login();
        assertEquals(200, auditor.get(CONSENTS + "?purpose=marketing").statusCode());
        assertEquals(
                403,
                auditor.postJson(CONSENTS, consent(subject, "marketing", false)).statusCode());
        assertEquals(
                403, tenant.userWithRoles("DEVELOPER").login().get(CONSENTS).statusCode());

        // pages follow one another without gaps
        var page = ApiClient.json(officer.get(RECORDS + "?purpose=marketing&limit=2"));
        assertEquals(2, page.getJsonArray("items").size());
        assertNotNull(page.getString("next", null));

        var unknown = officer.postJson(CONSENTS, consent(subject, "no-such-purpose", true));
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("\"purpose\""), unknown.body());
    }

    @Test
    void parallelChangesOfOneConsentLeaveTheStateOfTheNewestRecord() throws Exception {
        create("parallel", List.of());
        String subject = "parallel-" + UUID.randomUUID();
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                boolean grant = i % 2 == 0;
                calls.add(() -> officer.postJson(CONSENTS, consent(subject, "parallel", grant))
                        .statusCode());
            }
            for (var f : pool.invokeAll(calls)) {
                assertEquals(201, f.get());
            }
        } finally {
            pool.shutdown();
        }
        var history = ApiClient.json(officer.get(RECORDS + "?subject=" + enc(subject) + "&limit=50"))
                .getJsonArray("items");
        assertEquals(16, history.size());
        var state = ApiClient.json(officer.get(CONSENTS + "?subject=" + enc(subject)))
                .getJsonArray("items");
        assertEquals(1, state.size());
        assertEquals(
                history.getJsonObject(0).getString("id"), state.getJsonObject(0).getString("recordId"));
        assertEquals(
                history.getJsonObject(0).getString("state"),
                state.getJsonObject(0).getString("state"));
    }

    @Test
    void processingThatNeedsAPurposeIsRefusedWithoutConsentStoresNothingAndRunsOnceGranted() {
        var gated = TestTenant.create("consent-gate");
        var gatedOfficer = gated.userWithRoles("COMPLIANCE_OFFICER").login();
        var made = gatedOfficer.postJson(PURPOSES, purpose("model-provenance", "CONSENT", List.of("MODEL_UPLOAD")));
        assertEquals(201, made.statusCode(), made.body());
        ApiClient developer = gated.userWithRoles("DEVELOPER").login();

        var refused = upload(developer);
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = ApiClient.json(refused);
        assertTrue(problem.getString("type").endsWith("consent-required"), problem.toString());
        assertEquals("model-provenance", problem.getJsonArray("purposes").getString(0));
        assertEquals(
                0,
                ApiClient.json(developer.get(ModelUploads.MODELS))
                        .getJsonArray("items")
                        .size());
        assertEquals("DENIED", latestEvent(gated.id(), "consent.required")[1]);

        assertEquals(
                200,
                developer
                        .putJson(MINE + "/model-provenance", "{\"granted\": true}", null)
                        .statusCode());
        assertEquals(201, upload(developer).statusCode());

        assertEquals(
                200,
                developer
                        .putJson(MINE + "/model-provenance", "{\"granted\": false}", null)
                        .statusCode());
        assertEquals(403, upload(developer).statusCode());
        assertEquals(
                1,
                ApiClient.json(developer.get(ModelUploads.MODELS))
                        .getJsonArray("items")
                        .size());

        // a tenant that gates nothing is not affected
        assertEquals(201, upload(tenant.userWithRoles("DEVELOPER").login()).statusCode());
    }

    private static java.net.http.HttpResponse<String> upload(ApiClient api) {
        return ModelUploads.form()
                .name("gated")
                .file("model.bin", new byte[] {1, 2, 3})
                .send(api);
    }

    private static JsonObject own(ApiClient api, String purpose) {
        var items = ApiClient.json(api.get(MINE)).getJsonArray("items");
        for (int i = 0; i < items.size(); i++) {
            if (items.getJsonObject(i).getString("purpose").equals(purpose)) {
                return items.getJsonObject(i);
            }
        }
        throw new AssertionError("no purpose " + purpose + " in " + items);
    }

    private static void create(String code, List<String> requiredFor) {
        var response = officer.postJson(PURPOSES, purpose(code, "CONSENT", requiredFor));
        assertEquals(201, response.statusCode(), response.body());
    }

    private static String purpose(String code, String basis, List<String> requiredFor) {
        var activities = new StringBuilder("[");
        requiredFor.forEach(a -> activities
                .append(activities.length() > 1 ? "," : "")
                .append('"')
                .append(a)
                .append('"'));
        return """
                {"code": "%s", "name": "Purpose %s", "description": "What %s is for.", "legalBasis": "%s",
                 "requiredFor": %s], "policyText": "We use your data for %s only."}"""
                .formatted(code, code, code, basis, activities, code);
    }

    private static String consent(String subject, String purpose, boolean granted) {
        return "{\"subject\": \"" + subject + "\", \"purpose\": \"" + purpose + "\", \"granted\": " + granted + "}";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** actor, outcome, details, target id and action of the tenant's newest event of that action. */
    private static String[] latestEvent(UUID tenantId, String action) {
        try (var db = new DevServicesReport().database();
                var q = db.prepareStatement("select actor, outcome, details::text, target_id, action from"
                        + " lotabots.audit_event where tenant_id = ? and action = ? order by id desc limit 1")) {
            q.setObject(1, tenantId);
            q.setString(2, action);
            try (var rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no " + action + " event on chain " + tenantId);
                }
                return new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)
                };
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
