package io.lotabots.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.document.DocumentForms;
import io.lotabots.model.ModelUploads;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.Metrics;
import io.lotabots.testsupport.TestBucket;
import io.lotabots.testsupport.TestTenant;
import io.lotabots.testsupport.TestUser;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The retention purge (its real timer, every 3 s on the test server: lotabots.retention.interval) against this tenant's documents, models and attestations
 * made older in the database than their period (5000 days; the server keeps the default periods, so no other test's data ages): what is past
 * its period goes with its S3 objects, what a hold covers stays until the hold is released, what is younger
 * stays; the run is shown with its counts and audited. A deleted document under hold also outlives the document
 * janitor's purge.
 */
class RetentionPurgeIT {

    /** Runs 3 s apart, and time for a run (or the document janitor's) over a busy test server. */
    private static final Duration RUN = Duration.ofSeconds(90);

    private static final String ATTESTATIONS = "/api/v1/attestations/";

    private static TestTenant tenant;
    private static ApiClient admin;
    private static ApiClient officer;
    private static TestUser developer;
    private final DevServicesReport services = new DevServicesReport();

    @BeforeAll
    static void tenantWithAnOfficerAndADeveloper() {
        tenant = TestTenant.create("retention");
        admin = tenant.admin();
        officer = tenant.userWithRoles("COMPLIANCE_OFFICER").login();
        developer = tenant.userWithRoles("DEVELOPER");
    }

    @Test
    void whatIsPastItsPeriodIsPurgedAndWhatAHoldCoversIsNotUntilReleased() throws SQLException {
        String heldDocument = DocumentForms.upload(admin, "held");
        String oldDocument = DocumentForms.upload(admin, "old");
        String youngDocument = DocumentForms.upload(admin, "young");
        String oldModel = model(admin, "old-model");
        String developersModel = model(developer.login(), "developers-model");
        String oldAttestation = attestation(admin);
        String developersAttestation = attestation(developer.login());
        String objectHold = Holds.placed(officer, Holds.onObject("document", heldDocument));
        String subjectHold = Holds.placed(officer, Holds.onSubject(developer.id()));
        age("documents", "updated_at", heldDocument, oldDocument);
        age("models", "created_at", oldModel, developersModel);
        age("attestation", "completed_at", oldAttestation, developersAttestation);

        Eventually.await(RUN, () -> admin.get("/api/v1/models/" + oldModel).statusCode(), s -> s == 404, "model purge");
        Eventually.await(RUN, () -> rows("documents", oldDocument), n -> n == 0, "document purge");

        Eventually.await(
                RUN,
                () -> admin.get(ATTESTATIONS + oldAttestation + "/report").statusCode(),
                s -> s == 404,
                "report purge");
        Eventually.await(
                RUN,
                () -> admin.get(ATTESTATIONS + oldAttestation + "/evidence").statusCode(),
                s -> s == 404,
                "evidence purge");
        assertEquals(List.of(), TestBucket.keys(attestationPrefix(oldAttestation)), "evidence and reports");
        assertEquals(200, admin.get(ATTESTATIONS + oldAttestation).statusCode(), "the row stays as a tombstone");
        assertEquals(
                200,
                admin.get(ATTESTATIONS + developersAttestation + "/evidence").statusCode(),
                "subject hold");
        assertEquals(
                200, admin.get(ATTESTATIONS + developersAttestation + "/report").statusCode(), "subject hold");
        assertEquals(List.of(), TestBucket.keys(documentPrefix(oldDocument)), "the document's objects");
        assertEquals(404, admin.get("/api/v1/documents/" + oldDocument).statusCode());
        assertEquals(List.of(), TestBucket.keys(modelPrefix(oldModel)), "the model's objects");
        assertEquals(0, count("select count(*) from lotabots.models where id = ?", oldModel));
        assertEquals(200, admin.get("/api/v1/documents/" + heldDocument).statusCode(), "held by its object hold");
        assertEquals(1, TestBucket.keys(documentPrefix(heldDocument)).size());
        assertEquals(200, admin.get("/api/v1/documents/" + youngDocument).statusCode(), "within its period");
        assertEquals(200, admin.get("/api/v1/models/" + developersModel).statusCode(), "held by its subject hold");
        assertEquals(1, TestBucket.keys(modelPrefix(developersModel)).size());

        var runs = ApiClient.json(officer.get("/api/v1/privacy/retention")).getJsonArray("lastRuns");
        int documents = 0;
        int models = 0;
        int evidence = 0;
        int reports = 0;
        for (var run : runs.getValuesAs(jakarta.json.JsonObject.class)) {
            documents += run.getJsonObject("purged").getInt("documents");
            models += run.getJsonObject("purged").getInt("models");
            evidence += run.getJsonObject("purged").getInt("evidence");
            reports += run.getJsonObject("purged").getInt("reports");
        }
        assertEquals(1, documents, runs.toString());
        assertEquals(1, models, runs.toString());
        assertEquals(1, evidence, runs.toString());
        assertEquals(1, reports, runs.toString());
        assertTrue(runs.getJsonObject(runs.size() - 1).getInt("held") >= 1, runs.toString());
        var audited = ApiClient.json(officer.get("/api/v1/audit/events?action=retention.purged"))
                .getJsonArray("items");
        assertEquals(runs.size(), audited.size(), "every recorded run is audited: " + audited);
        for (String dataClass : List.of("documents", "models", "evidence", "reports")) {
            double purged = Metrics.value(Metrics.scrape(), "retention_purged_total{class=\"" + dataClass + "\"}");
            assertTrue(purged >= 1, dataClass + " counted: " + purged);
        }
        var deleted = ApiClient.json(officer.get(
                        "/api/v1/audit/events?action=document.deleted&targetType=document&targetId=" + oldDocument))
                .getJsonArray("items");
        assertEquals("retention-purge", deleted.getJsonObject(0).getString("actorName"));

        assertEquals(200, Holds.release(officer, objectHold, "Case 17 closed").statusCode());
        Eventually.await(RUN, () -> rows("documents", heldDocument), n -> n == 0, "the purge once released");
        assertEquals(404, admin.get("/api/v1/documents/" + heldDocument).statusCode());
        assertEquals(List.of(), TestBucket.keys(documentPrefix(heldDocument)));
        assertEquals(200, admin.get("/api/v1/models/" + developersModel).statusCode(), "the subject hold stays");
        assertEquals(200, Holds.release(officer, subjectHold, "Case 18 closed").statusCode());
        Eventually.await(
                RUN, () -> admin.get("/api/v1/models/" + developersModel).statusCode(), s -> s == 404, "released");
        Eventually.await(
                RUN,
                () -> admin.get(ATTESTATIONS + developersAttestation + "/evidence")
                        .statusCode(),
                s -> s == 404,
                "released evidence");
        assertEquals(200, admin.get("/api/v1/documents/" + youngDocument).statusCode());
        var verification = ApiClient.json(officer.get("/api/v1/audit/verification"));
        assertTrue(verification.getBoolean("intact"), "the audit trail still verifies: " + verification);
    }

    @Test
    void aDeletedDocumentUnderHoldOutlivesTheJanitorsPurge() {
        String held = DocumentForms.upload(admin, "deleted but held");
        String unheld = DocumentForms.upload(admin, "deleted");
        String hold = Holds.placed(officer, Holds.onObject("document", held));
        assertEquals(204, admin.delete("/api/v1/documents/" + held).statusCode());
        assertEquals(204, admin.delete("/api/v1/documents/" + unheld).statusCode());

        Eventually.await(
                RUN,
                () -> count("select count(*) from lotabots.documents where id = ?", unheld),
                n -> n == 0,
                "the janitor's purge of the unheld document");

        assertEquals(1, count("select count(*) from lotabots.documents where id = ?", held), "the held one stays");
        assertEquals(1, TestBucket.keys(documentPrefix(held)).size());
        assertEquals(200, Holds.release(officer, hold, "Case closed").statusCode());
        Eventually.await(
                RUN, () -> count("select count(*) from lotabots.documents where id = ?", held), n -> n == 0, "purge");
        assertEquals(List.of(), TestBucket.keys(documentPrefix(held)));
    }

    /** Meaningless hardware evidence, submitted and rejected: its evidence and report are stored. */
    private static String attestation(ApiClient api) {
        var nonce = api.postJson("/api/v1/attestations/hardware/nonces", "");
        assertEquals(201, nonce.statusCode(), nonce.body());
        String b64 =
                java.util.Base64.getEncoder().encodeToString("x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var submitted = api.postJson(
                "/api/v1/attestations/hardware",
                jakarta.json.Json.createObjectBuilder()
                        .add("nonce", ApiClient.json(nonce).getString("nonce"))
                        .add("quote", b64)
                        .add("signature", b64)
                        .add("pcrs", b64)
                        .add("akPublicKey", "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n")
                        .build()
                        .toString());
        assertEquals(202, submitted.statusCode(), submitted.body());
        String id = ApiClient.json(submitted).getString("id");
        Eventually.await(
                Duration.ofSeconds(90),
                () -> ApiClient.json(api.get(ATTESTATIONS + id)).getString("status"),
                s -> List.of("VERIFIED", "REJECTED", "FAILED").contains(s),
                "a verdict on " + id);
        var report = api.get(ATTESTATIONS + id + "/report");
        assertEquals(200, report.statusCode(), report.body());
        return id;
    }

    private static String model(ApiClient api, String name) {
        var response = ModelUploads.form()
                .name(name)
                .file(name + ".bin", new byte[] {1, 2, 3})
                .send(api);
        assertEquals(201, response.statusCode(), response.body());
        return ApiClient.json(response).getString("id");
    }

    /** Makes the objects 5000 days older than they are: past every default period. */
    private void age(String table, String column, String... ids) throws SQLException {
        try (var db = services.database();
                var update = db.prepareStatement("update lotabots." + table + " set " + column + " = " + column
                        + " - interval '5000 days' where id = ?")) {
            for (String id : ids) {
                update.setObject(1, UUID.fromString(id));
                assertEquals(1, update.executeUpdate());
            }
        }
    }

    private String documentPrefix(String id) {
        return "documents/" + tenant.id() + "/" + id + "/";
    }

    private String attestationPrefix(String id) {
        return "attestations/" + tenant.id() + "/" + id + "/";
    }

    private String modelPrefix(String id) {
        return "models/" + tenant.id() + "/" + id + "/";
    }

    private long rows(String table, String id) {
        return count("select count(*) from lotabots." + table + " where id = ?", id);
    }

    private long count(String sql, String id) {
        try (var db = services.database();
                var q = db.prepareStatement(sql)) {
            q.setObject(1, UUID.fromString(id));
            try (var rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
