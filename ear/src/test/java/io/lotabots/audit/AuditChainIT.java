package io.lotabots.audit;

import static io.lotabots.audit.AuditApi.events;
import static io.lotabots.audit.AuditApi.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.TestBucket;
import io.lotabots.testsupport.TestTenant;
import io.lotabots.testsupport.TestUser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The hash chain: sealed and intact, append-only in the database, and every kind of tampering
 * through a superuser connection reported at the right position. Each test tampers in a tenant of
 * its own, so the others' chains stay intact.
 */
class AuditChainIT {

    private static final Map<String, Trail> trails = new HashMap<>();
    private final DevServicesReport devServices = new DevServicesReport();

    /** All trails first, so they are sealed by the same few runs of the 10-second sealer. */
    @BeforeAll
    static void oneTrailPerTest() {
        for (String name : List.of(
                "chain-intact",
                "chain-edited",
                "chain-deleted",
                "chain-truncated",
                "chain-forged-checkpoint",
                "chain-append-only",
                "chain-offline",
                "chain-rolled-back",
                "chain-copy-missing",
                "chain-personal-edited",
                "chain-personal-deleted",
                "chain-pseudonymised")) {
            trails.put(name, trailOfFiveEvents(name));
        }
    }

    @Test
    void aSealedChainVerifiesIntactAgainstItsSignedCheckpoint() {
        var trail = trails.get("chain-intact");

        var report = AuditApi.awaitCheckpointed(trail.auditor, 5);

        assertTrue(report.getBoolean("intact"), report.toString());
        assertTrue(report.isNull("firstBrokenSequence"));
        var checkpoint = report.getJsonObject("lastCheckpoint");
        assertTrue(checkpoint.getBoolean("signatureValid"), report.toString());
        assertTrue(checkpoint.getJsonNumber("sequence").longValue() >= 5);
        assertTrue(checkpoint
                .getString("objectKey")
                .startsWith("audit/checkpoints/" + trail.fixture.tenant().id() + "/"));
        var sealed = items(events(trail.auditor, Map.of("action", "auth.login.failed")));
        sealed.forEach(e -> assertFalse(e.isNull("sequence"), "sealed: " + e));
        assertTrue(report.getJsonArray("findings").isEmpty(), "the copies in S3 agree: " + report);
    }

    @Test
    void theNewestEventsDeletedTogetherWithTheirCheckpointsAreARollbackTheCopiesInS3Reveal() throws SQLException {
        var trail = trails.get("chain-rolled-back");
        long kept = AuditApi.awaitCheckpointed(trail.auditor, 5)
                .getJsonObject("lastCheckpoint")
                .getJsonNumber("sequence")
                .longValue();
        for (int i = 0; i < 3; i++) {
            AuditApi.login(trail.fixture.tenant().name(), "late-" + trail.run + "-" + i, "wrong", "audit-chain-it");
        }
        long removed = Eventually.await(
                        AuditApi.SEALING,
                        () -> AuditApi.verification(trail.auditor),
                        r -> r.get("lastCheckpoint") instanceof jakarta.json.JsonObject c
                                && c.getJsonNumber("sequence").longValue() >= kept + 3,
                        "the later events' checkpoint")
                .getJsonObject("lastCheckpoint")
                .getJsonNumber("sequence")
                .longValue();

        String tenant = trail.fixture.tenant().id().toString();
        tamperAll(db -> db.createStatement()
                .executeUpdate("delete from lotabots.audit_event where tenant_id = '" + tenant
                        + "' and chain_sequence > " + kept));
        tamperAll(db -> db.createStatement()
                .executeUpdate("delete from lotabots.audit_checkpoint where tenant_id = '" + tenant
                        + "' and chain_sequence > " + kept));

        var report = AuditApi.verification(trail.auditor);
        assertFalse(report.getBoolean("intact"), report.toString());
        assertEquals(kept + 1, report.getJsonNumber("firstBrokenSequence").longValue(), report.toString());
        assertEquals(
                kept,
                report.getJsonObject("lastCheckpoint").getJsonNumber("sequence").longValue(),
                "the database alone agrees with itself");
        var finding = report.getJsonArray("findings").getJsonObject(0);
        assertEquals("ROLLED_BACK", finding.getString("type"), report.toString());
        assertEquals(kept + 1, finding.getJsonNumber("sequence").longValue());
        assertTrue(
                finding.getString("objectKey").endsWith(String.format("%019d", removed) + ".jws"), finding.toString());
    }

    @Test
    void aCheckpointWhoseCopyInS3IsGoneHasDiverged() {
        var trail = trails.get("chain-copy-missing");
        var checkpoint = AuditApi.awaitCheckpointed(trail.auditor, 5).getJsonObject("lastCheckpoint");

        TestBucket.delete(checkpoint.getString("objectKey"));

        var report = AuditApi.verification(trail.auditor);
        assertFalse(report.getBoolean("intact"), report.toString());
        var finding = report.getJsonArray("findings").getJsonObject(0);
        assertEquals("DIVERGED", finding.getString("type"), report.toString());
        assertEquals(
                checkpoint.getJsonNumber("sequence").longValue(),
                finding.getJsonNumber("sequence").longValue());
        assertTrue(finding.getString("detail").contains("no signed copy"), finding.toString());
    }

    @Test
    void anEditedEventIsReportedAtItsPosition() throws SQLException {
        var trail = trails.get("chain-edited");
        AuditApi.awaitSealed(trail.auditor, 5);
        long sequence = sequenceOf(trail, trail.ghost(2));

        tamper(db -> db.prepareStatement("update lotabots.audit_event set details = '{\"reason\":\"nothing to see\"}'"
                        + " where tenant_id = '" + trail.fixture.tenant().id() + "' and chain_sequence = " + sequence)
                .executeUpdate());

        var report = AuditApi.verification(trail.auditor);
        assertFalse(report.getBoolean("intact"), report.toString());
        assertEquals(sequence, report.getJsonNumber("firstBrokenSequence").longValue());
        assertTrue(report.getString("reason").contains("differs"), report.toString());
    }

    @Test
    void aDeletedEventIsReportedAtItsPosition() throws SQLException {
        var trail = trails.get("chain-deleted");
        AuditApi.awaitSealed(trail.auditor, 5);
        long sequence = sequenceOf(trail, trail.ghost(1));

        tamper(db -> db.prepareStatement("delete from lotabots.audit_event where tenant_id = '"
                        + trail.fixture.tenant().id() + "' and chain_sequence = " + sequence)
                .executeUpdate());

        var report = AuditApi.verification(trail.auditor);
        assertFalse(report.getBoolean("intact"), report.toString());
        assertEquals(sequence, report.getJsonNumber("firstBrokenSequence").longValue());
        assertTrue(report.getString("reason").contains("missing"), report.toString());
    }

    @Test
    void eventsCutFromTheEndAreReportedByTheSignedCheckpoint() throws SQLException {
        var trail = trails.get("chain-truncated");
        var sealed = AuditApi.awaitCheckpointed(trail.auditor, 5);
        long head =
                sealed.getJsonObject("lastCheckpoint").getJsonNumber("sequence").longValue();

        tamper(db -> db.prepareStatement("delete from lotabots.audit_event where tenant_id = '"
                        + trail.fixture.tenant().id() + "' and chain_sequence = " + head)
                .executeUpdate());

        var report = AuditApi.verification(trail.auditor);
        assertFalse(report.getBoolean("intact"), report.toString());
        assertEquals(head, report.getJsonNumber("firstBrokenSequence").longValue());
    }

    @Test
    void aCheckpointWhoseSignatureNoLongerVerifiesIsReported() throws SQLException {
        var trail = trails.get("chain-forged-checkpoint");
        long head = AuditApi.awaitCheckpointed(trail.auditor, 5)
                .getJsonObject("lastCheckpoint")
                .getJsonNumber("sequence")
                .longValue();

        tamper(db -> db.prepareStatement("update lotabots.audit_checkpoint set jws = jws || 'A' where tenant_id = '"
                        + trail.fixture.tenant().id() + "' and chain_sequence = " + head)
                .executeUpdate());

        var report = AuditApi.verification(trail.auditor);
        assertFalse(report.getBoolean("intact"), report.toString());
        assertEquals(head, report.getJsonNumber("firstBrokenSequence").longValue());
        assertFalse(report.getJsonObject("lastCheckpoint").getBoolean("signatureValid"));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditRows() throws SQLException {
        var trail = trails.get("chain-append-only");
        AuditApi.awaitSealed(trail.auditor, 5);
        String tenant = trail.fixture.tenant().id().toString();

        try (var db = devServices.database()) {
            for (String change : new String[] {
                "update lotabots.audit_event set actor = 'someone-else' where tenant_id = '" + tenant + "'",
                "update lotabots.audit_event set chain_hash = '\\x00' where tenant_id = '" + tenant + "'",
                "delete from lotabots.audit_event where tenant_id = '" + tenant + "'",
                "delete from lotabots.audit_checkpoint where tenant_id = '" + tenant + "'",
                "truncate lotabots.audit_event"
            }) {
                var refused = assertThrows(
                        SQLException.class, () -> db.createStatement().executeUpdate(change));
                assertTrue(refused.getMessage().contains("append-only"), change + ": " + refused.getMessage());
            }
        }
        assertTrue(AuditApi.verification(trail.auditor).getBoolean("intact"));
    }

    @Test
    void aChangedPersonalValueOfAnEventIsReportedAtItsPosition() throws SQLException {
        var trail = trails.get("chain-personal-edited");
        AuditApi.awaitSealed(trail.auditor, 5);
        long sequence = sequenceOf(trail, trail.ghost(2));

        tamper(db -> db.prepareStatement("update lotabots.audit_personal set personal = jsonb_set(personal,"
                        + " '{sourceIp}', '\"192.0.2.1\"') where party = 'ACTOR' and event_id = (select event_id from"
                        + " lotabots.audit_event where tenant_id = '"
                        + trail.fixture.tenant().id()
                        + "' and chain_sequence = " + sequence + ")")
                .executeUpdate());

        var report = AuditApi.verification(trail.auditor);
        assertFalse(report.getBoolean("intact"), report.toString());
        assertEquals(sequence, report.getJsonNumber("firstBrokenSequence").longValue());
        assertTrue(report.getString("reason").contains("personal values differ"), report.toString());
    }

    @Test
    void personalValuesRemovedOutsideAnErasureAreTamperingNotAnErasure() throws SQLException {
        var trail = trails.get("chain-personal-deleted");
        AuditApi.awaitSealed(trail.auditor, 5);
        long sequence = sequenceOf(trail, trail.ghost(1));

        tamper(db -> db.prepareStatement("delete from lotabots.audit_personal where event_id = (select event_id from"
                        + " lotabots.audit_event where tenant_id = '"
                        + trail.fixture.tenant().id()
                        + "' and chain_sequence = " + sequence + ")")
                .executeUpdate());

        var report = AuditApi.verification(trail.auditor);
        assertFalse(report.getBoolean("intact"), report.toString());
        assertEquals(sequence, report.getJsonNumber("firstBrokenSequence").longValue());
        assertTrue(report.getString("reason").contains("missing and were not erased"), report.toString());
    }

    @Test
    void anErasedActorReadsAsThePseudonymAndTheChainOfBothFormatsStillVerifies() throws SQLException {
        var trail = trails.get("chain-pseudonymised");
        String tenant = trail.fixture.tenant().id().toString();
        AuditApi.awaitSealed(trail.auditor, 5);
        // an event as written before V44: personal values inside the hashed row
        try (var db = devServices.database()) {
            db.createStatement()
                    .executeUpdate("insert into lotabots.audit_event (event_id, tenant_id, actor, actor_name, action,"
                            + " outcome, source_ip, user_agent, occurred_at, format) values ('" + UUID.randomUUID()
                            + "', '" + tenant + "', 'old-" + trail.run + "', 'old-name-" + trail.run
                            + "', 'auth.login.failed', 'FAILURE', '198.51.100.9', 'old-agent', now(), 1)");
        }
        Eventually.await(
                AuditApi.SEALING,
                () -> items(events(trail.auditor, Map.of("actor", "old-" + trail.run))),
                found -> !found.isEmpty() && !found.get(0).isNull("sequence"),
                "the format-1 event sealed");
        String erased = trail.ghost(3);

        try (var db = devServices.database()) {
            var refusals = new String[] {
                "update lotabots.audit_personal set personal = '{}' where subject = '" + erased + "'",
                "update lotabots.audit_personal set secret = null where subject = '" + erased + "'",
                "delete from lotabots.audit_personal where subject = '" + erased + "'",
                "truncate lotabots.audit_personal"
            };
            for (String change : refusals) {
                var refused = assertThrows(
                        SQLException.class, () -> db.createStatement().executeUpdate(change));
                assertTrue(refused.getMessage().contains("erase-only"), change + ": " + refused.getMessage());
            }
            // what the erasure does (AuditPseudonymisation), the one change the trigger lets through
            assertEquals(
                    1,
                    db.createStatement()
                            .executeUpdate("update lotabots.audit_personal set personal = (select"
                                    + " jsonb_object_agg(v.key, to_jsonb('erased-it'::text)) from jsonb_each(personal)"
                                    + " v), secret = null, erased_at = now(), pseudonym = 'erased-it' where tenant_id = '"
                                    + tenant + "' and subject = '" + erased + "'"));
        }

        var report = AuditApi.verification(trail.auditor);
        assertTrue(report.getBoolean("intact"), report.toString());
        assertTrue(report.getJsonNumber("eventsChecked").longValue() >= 6, report.toString());
        var pseudonymised =
                items(events(trail.auditor, Map.of("actor", erased))).get(0);
        assertEquals("erased-it", pseudonymised.getString("actorName"));
        assertEquals("erased-it", pseudonymised.getString("sourceIp"));
        assertEquals("erased-it", pseudonymised.getString("userAgent"));
        var untouched =
                items(events(trail.auditor, Map.of("actor", trail.ghost(0)))).get(0);
        assertEquals(trail.ghost(0), untouched.getString("actorName"));
        assertEquals("audit-chain-it", untouched.getString("userAgent"));
        var old = items(events(trail.auditor, Map.of("actor", "old-" + trail.run)))
                .get(0);
        assertEquals("old-name-" + trail.run, old.getString("actorName"));
        assertFalse(old.isNull("sequence"), old.toString());
    }

    @Test
    void theCheckpointKeyIsPublishedForOfflineVerification() {
        var keys = Eventually.await(
                AuditApi.SEALING,
                () -> ApiClient.json(new ApiClient().get("/.well-known/audit-checkpoint-keys.json")),
                set -> !set.getJsonArray("keys").isEmpty(),
                "the checkpoint key, created by the first sealing run");

        var key = keys.getJsonArray("keys").getJsonObject(0);
        assertEquals("EC", key.getString("kty"));
        assertEquals("P-256", key.getString("crv"));
        assertFalse(key.containsKey("d"), "public part only");
    }

    /**
     * The copy in S3 is encrypted at rest like every blob (issue 19): the raw object holds neither the JWS
     * nor its claims. The server still checks the copy against the chain (CheckpointCopies); reading it
     * offline now takes the tenant's keys.
     */
    @Test
    void theCheckpointCopyInS3IsEncryptedAtRest() throws Exception {
        var trail = trails.get("chain-offline");
        var checkpoint = AuditApi.awaitCheckpointed(trail.auditor, 5).getJsonObject("lastCheckpoint");

        byte[] raw = s3Object(checkpoint.getString("objectKey"));

        assertEquals("LBE1", new String(raw, 0, 4, StandardCharsets.US_ASCII));
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("eyJ"), "no base64url JSON (the JWS) in the stored bytes");
        assertFalse(text.contains(checkpoint.getString("hash")), "the chain hash is not readable");
        assertThrows(java.text.ParseException.class, () -> SignedJWT.parse(new String(raw, StandardCharsets.US_ASCII)));
    }

    private byte[] s3Object(String key) {
        try (var s3 = S3Client.builder()
                .endpointOverride(URI.create(devServices.get("lotabots.s3.endpoint")))
                .region(Region.of(devServices.get("lotabots.s3.region")))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        devServices.get("lotabots.s3.access-key"), devServices.get("lotabots.s3.secret-key"))))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            return s3.getObjectAsBytes(b -> b.bucket("lotabots").key(key)).asByteArray();
        }
    }

    private long sequenceOf(Trail trail, String actor) {
        var event = items(events(trail.auditor, Map.of("actor", actor))).get(0);
        return event.getJsonNumber("sequence").longValue();
    }

    /** Runs SQL as superuser with the append-only triggers off, in this connection only. */
    private void tamper(SqlChange change) throws SQLException {
        try (var db = devServices.database()) {
            db.createStatement().execute("set session_replication_role = replica");
            assertEquals(1, change.apply(db));
        }
    }

    /** Like {@link #tamper}, for a change of one row or more. */
    private void tamperAll(SqlChange change) throws SQLException {
        try (var db = devServices.database()) {
            db.createStatement().execute("set session_replication_role = replica");
            assertTrue(change.apply(db) >= 1, "rows changed");
        }
    }

    private interface SqlChange {
        int apply(Connection db) throws SQLException;
    }

    private record Trail(TestUser fixture, ApiClient auditor, String run) {
        String ghost(int i) {
            return "ghost-" + run + "-" + i;
        }
    }

    /** A tenant with an auditor, whose trail holds four failed logins and the auditor's login. */
    private static Trail trailOfFiveEvents(String name) {
        var fixture = TestTenant.create(name).userWithRoles("AUDITOR");
        var run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 4; i++) {
            AuditApi.login(fixture.tenant().name(), "ghost-" + run + "-" + i, "not-the-password", "audit-chain-it");
        }
        return new Trail(fixture, fixture.login(), run);
    }
}
