package io.lotabots.subjectrequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.document.DocumentForms;
import io.lotabots.model.ModelUploads;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.TestBucket;
import io.lotabots.testsupport.TestTenant;
import io.lotabots.testsupport.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Data-subject requests through the API: a subject with data in every service, exported (everything of
 * theirs, nothing of anyone else's, digests that match) and erased (nothing left in any API, table or S3
 * object, the audit trail included, whose events keep only the pseudonym and still verify; another subject
 * untouched); the GDPR clock and refusals.
 */
class SubjectRequestIT {

    private static final String REQUESTS = "/api/v1/privacy/requests";
    private static final String MINE = "/api/v1/privacy/me/requests";

    private static TestTenant tenant;
    private static TestUser officerUser;
    private static ApiClient officer;
    private static ApiClient secondOfficer;

    @BeforeAll
    static void tenant() {
        tenant = TestTenant.create("dsr");
        officerUser = tenant.userWithRoles("COMPLIANCE_OFFICER");
        officer = officerUser.login();
        secondOfficer = tenant.userWithRoles("COMPLIANCE_OFFICER").login();
        var purpose = officer.postJson(
                "/api/v1/privacy/purposes",
                """
                {"code": "newsletter", "name": "Newsletter", "description": "News by mail.", "legalBasis": "CONSENT",
                 "requiredFor": [], "policyText": "We send you news."}""");
        assertEquals(201, purpose.statusCode(), purpose.body());
    }

    @Test
    void anExportHoldsEverythingOfTheSubjectsAndNothingOfAnotherWithDigestsThatMatch() throws Exception {
        Seeded alice = seed("alice");
        Seeded bob = seed("bob");

        JsonObject filed = file("export", alice.user.id().toString());
        assertEquals("PENDING", filed.getString("state"));
        assertEquals(
                java.time.Instant.parse(filed.getString("receivedAt")).plus(Duration.ofDays(30)),
                java.time.Instant.parse(filed.getString("dueAt")));
        JsonObject done = awaitState(filed.getString("id"), "COMPLETED");
        assertTrue(done.getBoolean("exportAvailable"), done.toString());

        var download = bytes(officerUser, REQUESTS + "/" + filed.getString("id") + "/export");
        assertEquals(200, download.statusCode());
        assertEquals(done.getString("exportSha256"), sha256(download.body()));
        Map<String, byte[]> entries = unzip(download.body());

        JsonObject manifest = Json.createReader(
                        new StringReader(new String(entries.get("manifest.json"), StandardCharsets.UTF_8)))
                .readObject();
        assertEquals(alice.user.id().toString(), manifest.getString("subject"));
        var listed = manifest.getJsonArray("entries");
        assertEquals(entries.size() - 1, listed.size(), "every entry but the manifest is listed");
        for (var value : listed) {
            JsonObject entry = value.asJsonObject();
            byte[] content = entries.get(entry.getString("path"));
            assertEquals(entry.getString("sha256"), sha256(content), entry.getString("path"));
            assertEquals(entry.getJsonNumber("size").longValue(), content.length);
        }

        String all = everything(entries);
        for (String category : List.of(
                "profile",
                "consents",
                "consent-states",
                "documents",
                "models",
                "attestations",
                "api-keys",
                "audit-events",
                "subject-requests")) {
            assertTrue(entries.containsKey(category + ".json"), category);
        }
        assertTrue(text(entries, "profile.json").contains(alice.user.username()));
        assertFalse(text(entries, "profile.json").contains("password_hash"), "no password hash");
        assertFalse(text(entries, "profile.json").contains("$argon2"), "no password hash");
        assertTrue(text(entries, "documents.json").contains(alice.documentId));
        assertTrue(text(entries, "models.json").contains(alice.modelId));
        assertTrue(text(entries, "attestations.json").contains(alice.attestationId));
        assertTrue(text(entries, "api-keys.json").contains(alice.apiKeyId));
        assertFalse(text(entries, "api-keys.json").contains("key_hash"), "never a key's secret or hash");
        assertTrue(text(entries, "consents.json").contains("KI-CR-v1.1.0"), "the receipt");
        assertTrue(text(entries, "audit-events.json").contains("auth.login.succeeded"));
        assertTrue(all.contains("document of alice " + alice.user.username()), "the document's content");
        assertTrue(all.contains("model bytes of alice"), "the model's file");
        for (String foreign : List.of(bob.user.username(), bob.user.id().toString(), bob.documentId, bob.modelId)) {
            assertFalse(all.contains(foreign), "nothing of bob's: " + foreign);
        }

        // the subject downloads it too; another user cannot even see it
        var own = bytes(alice.user, MINE + "/" + filed.getString("id") + "/export");
        assertEquals(200, own.statusCode());
        assertEquals(
                404, bob.user.login().get(MINE + "/" + filed.getString("id")).statusCode());
        assertEquals(
                404,
                bytes(bob.user, MINE + "/" + filed.getString("id") + "/export").statusCode());
        assertEquals("privacy.export.downloaded", latestAction(filed.getString("id")));

        // past its retention (lotabots.retention.exports, a week), the retention timer deletes the archive: 410
        String exportId = filed.getString("id");
        String archives = "privacy-exports/" + tenant.id() + "/" + exportId + "/";
        assertEquals(1, TestBucket.keys(archives).size());
        sql(
                "update lotabots.subject_request set completed_at = now() - interval '8 days', expires_at = now()"
                        + " - interval '1 day' where id = ?::uuid",
                exportId);
        var expired = officer.get(REQUESTS + "/" + exportId + "/export");
        assertEquals(410, expired.statusCode(), expired.body());
        assertTrue(expired.body().contains("export-expired"), expired.body());
        assertTrue(expired.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        Eventually.await(Duration.ofSeconds(90), () -> TestBucket.keys(archives), List::isEmpty, "the export purge");
        Eventually.await(
                Duration.ofSeconds(30), () -> latestAction(exportId), "privacy.export.purged"::equals, "its audit");
        assertEquals(410, bytes(alice.user, MINE + "/" + exportId + "/export").statusCode());
        assertEquals(
                false, ApiClient.json(officer.get(REQUESTS + "/" + exportId)).getBoolean("exportAvailable"));
    }

    @Test
    void anApprovedErasureLeavesNothingOfTheSubjectButTheVerifiableAuditTrailAndSparesOthers() throws Exception {
        Seeded carol = seed("carol");
        Seeded dave = seed("dave");
        List<String> carolObjects = TestBucket.keys("documents/" + tenant.id() + "/" + carol.documentId + "/");
        assertFalse(carolObjects.isEmpty());

        String carolId = carol.user.id().toString();
        assertTrue(auditTrailOf(carolId).contains(carol.user.username()), "the trail names carol before");
        var before = tablesMentioning(carol.user.username());
        assertTrue(before.contains("audit_personal"), before.toString());
        assertFalse(before.contains("audit_event"), "the hashed rows keep no name: " + before);

        JsonObject filed = file("erasure", carol.user.id().toString());
        assertEquals("AWAITING_APPROVAL", filed.getString("state"));
        String id = filed.getString("id");

        var byRequester =
                officer.postJson(REQUESTS + "/" + id + "/approval", "{\"approve\": true, \"reason\": \"ok\"}");
        assertEquals(403, byRequester.statusCode(), byRequester.body());
        var noReason = secondOfficer.postJson(REQUESTS + "/" + id + "/approval", "{\"approve\": true}");
        assertEquals(400, noReason.statusCode(), noReason.body());
        assertTrue(noReason.body().contains("\"reason\""), noReason.body());

        var approved = secondOfficer.postJson(
                REQUESTS + "/" + id + "/approval", "{\"approve\": true, \"reason\": \"Verified identity by phone.\"}");
        assertEquals(200, approved.statusCode(), approved.body());
        JsonObject done = awaitState(id, "COMPLETED");
        assertEquals("8/8", done.getString("progress"));

        var certificate = officer.get(REQUESTS + "/" + id + "/certificate");
        assertEquals(200, certificate.statusCode(), certificate.body());
        JsonObject cert = ApiClient.json(certificate);
        assertEquals(1, cert.getJsonObject("erased").getInt("documents"));
        assertEquals(1, cert.getJsonObject("erased").getInt("models"));
        assertEquals(1, cert.getJsonObject("erased").getInt("account"));
        assertTrue(cert.getJsonObject("erased").getInt("consents") >= 1);
        assertEquals(
                done.getString("decidedBy"), cert.getJsonObject("approvedBy").getString("id"));
        assertTrue(cert.getJsonObject("erased").getInt("audit_events") > 0, cert.toString());
        var retained = cert.getJsonArray("retained").getJsonObject(0);
        assertEquals("pseudonymised", retained.getString("personalValues"));
        assertTrue(retained.getInt("count") >= cert.getJsonObject("erased").getInt("audit_events"), cert.toString());

        // no API yields their data
        assertEquals(404, officer.get("/api/v1/documents/" + carol.documentId).statusCode());
        assertEquals(404, tenant.admin().get("/api/v1/models/" + carol.modelId).statusCode());
        var profile = ApiClient.json(tenant.admin().get("/api/v1/identity/users/" + carol.user.id()));
        assertNotEquals(carol.user.username(), profile.getString("username"));
        assertFalse(officer.get("/api/v1/privacy/consents?subject=" + carol.user.id())
                .body()
                .contains("newsletter"));
        // no S3 object
        assertEquals(List.of(), TestBucket.keys("documents/" + tenant.id() + "/" + carol.documentId + "/"));
        assertEquals(List.of(), TestBucket.keys("models/" + tenant.id() + "/" + carol.modelId + "/"));
        // no table row names them, the audit trail included, and its API shows the pseudonym instead
        assertEquals(List.of(), tablesMentioning(carol.user.username()));
        String trail = auditTrailOf(carolId);
        assertFalse(trail.contains(carol.user.username()), trail);
        assertTrue(trail.contains("erased-" + id), trail);
        // they cannot log in (checked last: the failed attempt is a new event naming the attempted username)
        assertEquals(
                401, tenant.login(carol.user.username(), carol.user.password()).statusCode());
        // dave is untouched
        assertEquals(200, officer.get("/api/v1/documents/" + dave.documentId).statusCode());
        assertEquals(200, tenant.admin().get("/api/v1/models/" + dave.modelId).statusCode());
        assertEquals(200, dave.user.login().get("/api/v1/privacy/me/consents").statusCode());
        assertFalse(TestBucket.keys("documents/" + tenant.id() + "/" + dave.documentId + "/")
                .isEmpty());
        String davesTrail = auditTrailOf(dave.user.id().toString());
        assertTrue(davesTrail.contains(dave.user.username()), davesTrail);
        assertFalse(davesTrail.contains("erased-"), davesTrail);
        // and the audit chain still verifies
        Eventually.await(
                Duration.ofSeconds(40),
                () -> ApiClient.json(officer.get("/api/v1/audit/verification")),
                v -> v.getBoolean("intact") && v.getInt("eventsChecked") > 0,
                "the tenant's chain to be sealed and intact after the erasure");
        assertEquals("privacy.erasure.completed", latestAction(id));
    }

    @Test
    void aHoldPlacedAfterTheApprovalStopsTheJobBeforeItDeletesAnythingUntilReleasedAndRetried() {
        Seeded gina = seed("gina");
        String subject = gina.user.id().toString();
        String id = file("erasure", subject).getString("id");
        TestUser approver = tenant.userWithRoles("COMPLIANCE_OFFICER");
        // approved as the API leaves it, but with the wake-up lost (its server died): the 30-second sweeper is what
        // starts the job, and the hold goes in before it does
        sql(
                "update lotabots.subject_request set state = 'PENDING', decided_by = ?, decided_by_name = 'approver',"
                        + " decided_at = now() - interval '1 hour', decision_reason = 'Identity checked.', updated_at ="
                        + " now() - interval '1 hour' where id = ?::uuid",
                approver.id().toString(),
                id);
        var placed = officer.postJson(
                "/api/v1/privacy/legal-holds",
                "{\"scope\": \"subject\", \"subject\": \"" + subject + "\", \"reason\": \"Litigation 42\"}");
        assertEquals(201, placed.statusCode(), placed.body());
        String hold = ApiClient.json(placed).getString("id");

        JsonObject failed = awaitState(id, "FAILED");
        assertEquals("FAILED", failed.getString("state"), failed.toString());
        assertTrue(failed.getString("failureReason").contains(hold), failed.toString());
        assertEquals("0/8", failed.getString("progress"), "no step ran");
        assertEquals("privacy.request.failed", latestAction(id));
        var audited = ApiClient.json(officer.get(
                        "/api/v1/audit/events?action=privacy.request.failed&targetType=subject-request&targetId=" + id))
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals(approver.id().toString(), audited.getString("actor"), "the approver's job");
        assertTrue(audited.getJsonObject("details").getString("reason").contains(hold), audited.toString());
        assertEquals(200, officer.get("/api/v1/documents/" + gina.documentId).statusCode(), "nothing deleted");
        assertEquals(200, tenant.admin().get("/api/v1/models/" + gina.modelId).statusCode());
        assertEquals(200, gina.user.login().get("/api/v1/privacy/me/consents").statusCode(), "the account works");

        var released = officer.send(java.net.http.HttpRequest.newBuilder(
                        ApiClient.uri("/api/v1/privacy/legal-holds/" + hold))
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\": \"Settled\"}"))
                .header("Content-Type", "application/json"));
        assertEquals(200, released.statusCode(), released.body());
        var retried = officer.postEmpty(REQUESTS + "/" + id + "/retry", null);
        assertEquals(200, retried.statusCode(), retried.body());
        assertEquals("COMPLETED", awaitState(id, "COMPLETED").getString("state"));
        assertEquals(404, officer.get("/api/v1/documents/" + gina.documentId).statusCode());
    }

    @Test
    void aRejectedErasureChangesNothingAndIsClosed() {
        Seeded erin = seed("erin");
        String id = file("erasure", erin.user.id().toString()).getString("id");
        var rejected = secondOfficer.postJson(
                REQUESTS + "/" + id + "/approval", "{\"approve\": false, \"reason\": \"Identity not verified.\"}");
        assertEquals(200, rejected.statusCode(), rejected.body());
        assertEquals("REJECTED", ApiClient.json(rejected).getString("state"));
        assertEquals(
                409,
                secondOfficer
                        .postJson(REQUESTS + "/" + id + "/approval", "{\"approve\": true, \"reason\": \"x\"}")
                        .statusCode());
        assertEquals(200, officer.get("/api/v1/documents/" + erin.documentId).statusCode());
        assertEquals(404, officer.get(REQUESTS + "/" + id + "/certificate").statusCode());
    }

    @Test
    void aSubjectFilesTheirOwnRequestsAndOfficersSeeThemOnTheClock() {
        TestUser frank = tenant.userWithRoles("DEVELOPER");
        ApiClient self = frank.login();
        var own = self.postJson(MINE, "{\"type\": \"erasure\"}");
        assertEquals(201, own.statusCode(), own.body());
        JsonObject request = ApiClient.json(own);
        assertEquals(frank.id().toString(), request.getString("subject"));
        assertEquals(200, self.get(MINE + "/" + request.getString("id")).statusCode());
        assertTrue(self.get(MINE).body().contains(request.getString("id")));
        var someoneElse = self.postJson(MINE, "{\"type\": \"export\", \"subject\": \"" + officerUser.id() + "\"}");
        assertEquals(400, someoneElse.statusCode(), someoneElse.body());
        assertTrue(someoneElse.body().contains("\"subject\""));
        var rectify = self.postJson(MINE, "{\"type\": \"rectification\"}");
        assertEquals(400, rectify.statusCode());
        assertEquals(403, self.get(REQUESTS).statusCode(), "the queue is the officers'");
        assertEquals(
                403,
                self.postJson(REQUESTS, "{\"type\": \"export\", \"subject\": \"x\"}")
                        .statusCode());

        // overdue first, then by due date; state and type filters
        var later = file("rectification", frank.id().toString(), "My address is wrong.");
        sql(
                "update lotabots.subject_request set due_at = now() - interval '1 day' where id = ?::uuid",
                later.getString("id"));
        var queue = ApiClient.json(officer.get(REQUESTS + "?limit=200")).getJsonArray("items");
        assertEquals(later.getString("id"), queue.getJsonObject(0).getString("id"));
        assertTrue(queue.getJsonObject(0).getBoolean("overdue"));
        var rectifications = ApiClient.json(officer.get(REQUESTS + "?type=rectification&state=open"))
                .getJsonArray("items");
        assertTrue(rectifications.stream()
                .allMatch(r -> r.asJsonObject().getString("type").equals("RECTIFICATION")));
        var firstPage = ApiClient.json(officer.get(REQUESTS + "?limit=1"));
        assertTrue(firstPage.getString("next").contains("cursor="));

        // extension once, with a reason
        var extended = officer.postJson(
                REQUESTS + "/" + later.getString("id") + "/extension",
                "{\"days\": 30, \"reason\": \"Complex request.\"}");
        assertEquals(200, extended.statusCode(), extended.body());
        assertTrue(ApiClient.json(extended).getBoolean("extended"));
        assertEquals(
                409,
                officer.postJson(
                                REQUESTS + "/" + later.getString("id") + "/extension",
                                "{\"days\": 10, \"reason\": \"Again.\"}")
                        .statusCode());
        var completed = officer.postJson(
                REQUESTS + "/" + later.getString("id") + "/completion",
                "{\"note\": \"Address corrected in the CRM.\"}");
        assertEquals(200, completed.statusCode(), completed.body());
        assertEquals("COMPLETED", ApiClient.json(completed).getString("state"));
        assertEquals("privacy.rectification.completed", latestAction(later.getString("id")));
    }

    @Test
    void invalidRequestsAreRefusedNamingTheFieldAndForeignTenantsSeeNothing() {
        var badType = officer.postJson(
                REQUESTS, "{\"type\": \"delete-everything\", \"subject\": \"" + officerUser.id() + "\"}");
        assertEquals(400, badType.statusCode(), badType.body());
        assertTrue(badType.body().contains("\"type\""), badType.body());
        var unknown = officer.postJson(REQUESTS, "{\"type\": \"export\", \"subject\": \"" + UUID.randomUUID() + "\"}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("\"subject\""), unknown.body());
        var noDescription =
                officer.postJson(REQUESTS, "{\"type\": \"rectification\", \"subject\": \"" + officerUser.id() + "\"}");
        assertEquals(400, noDescription.statusCode());
        assertTrue(noDescription.body().contains("\"description\""), noDescription.body());
        assertEquals(400, officer.get(REQUESTS + "?state=sleeping").statusCode());
        assertEquals(400, officer.get(REQUESTS + "?cursor=bm9wZQ").statusCode());

        String id = file("rectification", officerUser.id().toString(), "Name misspelt.")
                .getString("id");
        var badDays = officer.postJson(REQUESTS + "/" + id + "/extension", "{\"days\": 0, \"reason\": \"\"}");
        assertEquals(400, badDays.statusCode());
        assertTrue(badDays.body().contains("\"days\"") && badDays.body().contains("\"reason\""), badDays.body());
        assertEquals(
                409,
                secondOfficer
                        .postJson(REQUESTS + "/" + id + "/approval", "{\"approve\": true, \"reason\": \"x\"}")
                        .statusCode(),
                "only erasures are approved");
        assertEquals(404, officer.get(REQUESTS + "/" + id + "/export").statusCode());

        var other = TestTenant.create("dsr-other");
        ApiClient foreign = other.userWithRoles("COMPLIANCE_OFFICER").login();
        assertEquals(404, foreign.get(REQUESTS + "/" + id).statusCode());
        assertEquals(
                404,
                foreign.postJson(REQUESTS + "/" + id + "/completion", "{\"note\": \"x\"}")
                        .statusCode());
        assertFalse(foreign.get(REQUESTS).body().contains(id));
        var foreignSubject =
                foreign.postJson(REQUESTS, "{\"type\": \"export\", \"subject\": \"" + officerUser.id() + "\"}");
        assertEquals(400, foreignSubject.statusCode(), "another tenant's user is no subject here");
    }

    /** A subject with data in every service: profile, a consent, a document, a model, an attestation, an API key. */
    private record Seeded(TestUser user, String documentId, String modelId, String attestationId, String apiKeyId) {}

    private static Seeded seed(String name) {
        TestUser user = tenant.addUser(
                name + "-" + UUID.randomUUID().toString().substring(0, 8),
                TestTenant.newPassword(),
                "ADMIN",
                "DEVELOPER");
        // a mistyped password of theirs: that event names them too, and is erased with the rest
        assertEquals(401, tenant.login(user.username(), "not-" + user.password()).statusCode());
        ApiClient api = user.login();
        assertEquals(
                200,
                api.putJson("/api/v1/privacy/me/consents/newsletter", "{\"granted\": true}", null)
                        .statusCode());
        String document = DocumentForms.upload(api, "document of " + name + " " + user.username());
        var model = ModelUploads.form()
                .name("model of " + name)
                .file("model.bin", ("model bytes of " + name).getBytes(StandardCharsets.UTF_8))
                .send(api);
        assertEquals(201, model.statusCode(), model.body());
        var key = api.postJson(
                "/api/v1/identity/api-keys", "{\"name\": \"bot of " + name + "\", \"roles\": [\"DEVELOPER\"]}");
        assertEquals(201, key.statusCode(), key.body());
        String attestation = UUID.randomUUID().toString();
        sql(
                "insert into lotabots.attestation (id, tenant_id, type, status, policy_name, policy_version, nonce,"
                        + " nonce_status, submitted_by, evidence_key, evidence_digest, submitted_at, updated_at) values"
                        + " (?::uuid, ?::uuid, 'HARDWARE', 'FAILED', 'p', 1, 'n', 'VALID', ?, 'attestations/' || ? || '/' || ?"
                        + " || '/evidence.json', repeat('0', 64), now(), now())",
                attestation,
                tenant.id().toString(),
                user.id().toString(),
                tenant.id().toString(),
                attestation);
        return new Seeded(
                user,
                document,
                ApiClient.json(model).getString("id"),
                attestation,
                ApiClient.json(key).getJsonObject("key").getString("id"));
    }

    private static JsonObject file(String type, String subject) {
        return file(type, subject, null);
    }

    private static JsonObject file(String type, String subject, String description) {
        var body = Json.createObjectBuilder().add("type", type).add("subject", subject);
        if (description != null) {
            body.add("description", description);
        }
        var response = officer.postJson(REQUESTS, body.build().toString());
        assertEquals(201, response.statusCode(), response.body());
        return ApiClient.json(response);
    }

    private static JsonObject awaitState(String id, String state) {
        return Eventually.await(
                Duration.ofSeconds(60),
                () -> ApiClient.json(officer.get(REQUESTS + "/" + id)),
                r -> r.getString("state").equals(state) || r.getString("state").equals("FAILED"),
                "request " + id + " to be " + state);
    }

    private static HttpResponse<byte[]> bytes(TestUser user, String path) throws IOException, InterruptedException {
        String token = user.tokens().getString("access_token");
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(ApiClient.uri(path))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String text(Map<String, byte[]> entries, String name) {
        return new String(entries.get(name), StandardCharsets.UTF_8);
    }

    private static String everything(Map<String, byte[]> entries) {
        var all = new StringBuilder();
        entries.forEach(
                (name, content) -> all.append(name).append('\n').append(new String(content, StandardCharsets.UTF_8)));
        return all.toString();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** The audit API's events by the subject and about them (as a target), as one text. */
    private static String auditTrailOf(String subject) {
        var byThem = officer.get("/api/v1/audit/events?limit=200&actor=" + subject);
        assertEquals(200, byThem.statusCode(), byThem.body());
        var aboutThem = officer.get("/api/v1/audit/events?limit=200&targetType=user&targetId=" + subject);
        assertEquals(200, aboutThem.statusCode(), aboutThem.body());
        assertTrue(ApiClient.json(byThem).getJsonArray("items").size() > 0, "they acted");
        return byThem.body() + aboutThem.body();
    }

    /** Tables of the schema with a row whose text holds {@code needle}. */
    private static List<String> tablesMentioning(String needle) throws SQLException {
        var found = new ArrayList<String>();
        try (var db = new DevServicesReport().database();
                var tables = db.prepareStatement("select table_name from information_schema.tables where table_schema"
                        + " = 'lotabots' and table_type = 'BASE TABLE' order by table_name")) {
            try (var rs = tables.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    try (var q =
                            db.prepareStatement("select count(*) from lotabots." + table + " t where t::text like ?")) {
                        q.setString(1, "%" + needle + "%");
                        try (var c = q.executeQuery()) {
                            c.next();
                            if (c.getLong(1) > 0) {
                                found.add(table);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String latestAction(String requestId) {
        try (var db = new DevServicesReport().database();
                var q = db.prepareStatement("select action from lotabots.audit_event where target_type ="
                        + " 'subject-request' and target_id = ? order by id desc limit 1")) {
            q.setString(1, requestId);
            try (var rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void sql(String statement, String... parameters) {
        try (var db = new DevServicesReport().database();
                var s = db.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
