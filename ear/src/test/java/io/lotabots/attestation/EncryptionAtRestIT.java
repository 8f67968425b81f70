package io.lotabots.attestation;

import static io.lotabots.attestation.AttestationApi.accepted;
import static io.lotabots.attestation.AttestationApi.awaitVerdict;
import static io.lotabots.attestation.AttestationApi.submit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.TestBucket;
import io.lotabots.testsupport.TestTenant;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Encryption at rest seen from outside, on attestation evidence (the most written blob): what S3 holds is
 * ciphertext (read straight from the S3 server), a changed, cut, extended, replaced or moved object is
 * refused and never served, an object stored in plaintext before is migrated, and a rotation re-wraps data
 * keys without touching what S3 holds.
 */
class EncryptionAtRestIT {

    private static final String LIST = "/api/v1/attestations";
    private static final byte[] MAGIC = "LBE1".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 24;
    private static final int TAG = 16;

    private static TestTenant tenant;
    private static ApiClient admin;

    @BeforeAll
    static void tenant() {
        AttestationApi.awaitApplication();
        tenant = TestTenant.create("enc-at-rest");
        admin = tenant.admin();
    }

    @Test
    void storedEvidenceAndReportsHoldNoPlaintext() {
        var job = submitted();
        awaitVerdict(admin, job.location());
        byte[] raw = TestBucket.get(job.key());
        assertTrue(Arrays.equals(raw, 0, 4, MAGIC, 0, 4), "starts with the encryption header");
        assertEquals(HEADER + TAG + job.plain().length, raw.length, "one sealed chunk");
        assertFalse(contains(raw, job.nonceHex()), "the nonce is not readable in S3");
        assertFalse(contains(raw, "akPublicKey".getBytes(StandardCharsets.US_ASCII)));
        String prefix = "attestations/" + tenant.id() + "/" + job.id() + "/";
        List<String> objects = TestBucket.keys(prefix);
        assertTrue(objects.stream().anyMatch(k -> k.contains("report")), objects.toString());
        for (String key : objects) {
            byte[] stored = TestBucket.get(key);
            assertTrue(Arrays.equals(stored, 0, 4, MAGIC, 0, 4), key + " is encrypted");
            assertFalse(contains(stored, job.id().getBytes(StandardCharsets.US_ASCII)), key + " shows no plaintext");
        }
        var report = admin.get(LIST + "/" + job.id() + "/report");
        assertEquals(200, report.statusCode(), report.body());
        assertTrue(report.body().contains(job.id()) || report.body().startsWith("{"), report.body());
    }

    @Test
    void tamperedReplacedOrMovedEvidenceIsRefusedNeverServed() {
        var job = submitted();
        var other = submitted();
        byte[] raw = TestBucket.get(job.key());
        Map<String, byte[]> variants = new LinkedHashMap<>();
        variants.put("a flipped content byte", flip(raw, HEADER + 3));
        variants.put("a flipped tag byte", flip(raw, raw.length - 1));
        variants.put("a flipped header byte (data key id)", flip(raw, 10));
        variants.put("one byte cut off", Arrays.copyOf(raw, raw.length - 1));
        variants.put("cut to the header", Arrays.copyOf(raw, HEADER));
        variants.put("a byte appended", Arrays.copyOf(raw, raw.length + 1));
        variants.put("the plaintext put back", job.plain());
        variants.put("another object moved here", TestBucket.get(other.key()));
        try {
            for (var variant : variants.entrySet()) {
                TestBucket.put(job.key(), variant.getValue());
                var read = admin.get(LIST + "/" + job.id() + "/evidence");
                assertNotEquals(200, read.statusCode(), variant.getKey() + ": " + read.body());
                assertFalse(
                        read.body().contains(new String(job.nonceHex(), StandardCharsets.US_ASCII)),
                        variant.getKey() + " served the evidence");
                assertTrue(
                        read.body().contains("\"status\""), variant.getKey() + ": a problem document, " + read.body());
            }
        } finally {
            TestBucket.put(job.key(), raw);
        }
        var restored = admin.get(LIST + "/" + job.id() + "/evidence");
        assertEquals(200, restored.statusCode(), restored.body());
        assertArrayEquals(job.plain(), restored.body().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anObjectStoredInPlaintextBeforeIsEncryptedByTheMigrationAndStillReads() {
        var job = submitted();
        // as stored before encryption came: plaintext, no data key, the migration not yet run
        TestBucket.put(job.key(), job.plain());
        update("delete from lotabots.data_key where object_key = ?", job.key());
        update("update lotabots.storage_encryption_migration set finished_at = null, last_key = null");
        var legacy = admin.get(LIST + "/" + job.id() + "/evidence");
        assertEquals(200, legacy.statusCode(), legacy.body());
        assertArrayEquals(job.plain(), legacy.body().getBytes(StandardCharsets.UTF_8));

        byte[] migrated = Eventually.await(
                Duration.ofSeconds(240),
                () -> TestBucket.get(job.key()),
                raw -> Arrays.equals(raw, 0, 4, MAGIC, 0, 4),
                "the migration to encrypt " + job.key());
        assertFalse(contains(migrated, job.nonceHex()));
        Eventually.await(
                Duration.ofSeconds(120),
                () -> count("select count(*) from lotabots.storage_encryption_migration where finished_at is not null"),
                n -> n == 1,
                "the migration to finish");
        var read = admin.get(LIST + "/" + job.id() + "/evidence");
        assertEquals(200, read.statusCode(), read.body());
        assertArrayEquals(job.plain(), read.body().getBytes(StandardCharsets.UTF_8));

        // finished: plaintext is never taken again, not even for an object without a data key
        TestBucket.put(job.key(), job.plain());
        update("delete from lotabots.data_key where object_key = ?", job.key());
        assertNotEquals(200, admin.get(LIST + "/" + job.id() + "/evidence").statusCode());
    }

    @Test
    void rotationRewrapsDataKeysWithoutTouchingStoredContent() {
        var job = submitted();
        byte[] before = TestBucket.get(job.key());
        long versionBefore = count("select kek_version from lotabots.data_key where object_key = ?", job.key());

        var rotated = admin.postJson("/api/v1/keys/rotation", "");
        assertEquals(200, rotated.statusCode(), rotated.body());
        var rotation = ApiClient.json(rotated);
        assertEquals(versionBefore + 1, rotation.getInt("version"));
        assertTrue(rotation.getJsonNumber("rewrapped").longValue() >= 1, rotated.body());

        assertArrayEquals(before, TestBucket.get(job.key()), "S3 content unchanged");
        assertEquals(
                versionBefore + 1, count("select kek_version from lotabots.data_key where object_key = ?", job.key()));
        assertEquals(
                0,
                count(
                        "select count(*) from lotabots.data_key where tenant_id = ? and kek_version <> ?",
                        tenant.id(),
                        (int) versionBefore + 1));
        var read = admin.get(LIST + "/" + job.id() + "/evidence");
        assertEquals(200, read.statusCode(), read.body());
        assertArrayEquals(job.plain(), read.body().getBytes(StandardCharsets.UTF_8));

        var keys = ApiClient.json(admin.get("/api/v1/keys"));
        var newest = keys.getJsonArray("keys").getJsonObject(0);
        assertEquals(versionBefore + 1, newest.getInt("version"));
        assertEquals("CURRENT", newest.getString("state"));
        assertTrue(newest.getJsonNumber("dataKeys").longValue() >= 1);
        assertEquals(0, keys.getJsonNumber("dataKeysToRewrap").longValue());
        var retired = ApiClient.json(admin.get("/api/v1/keys?state=RETIRED")).getJsonArray("keys");
        assertFalse(retired.isEmpty());
        retired.forEach(k -> {
            assertEquals("RETIRED", k.asJsonObject().getString("state"));
            assertEquals(0, k.asJsonObject().getJsonNumber("dataKeys").longValue());
        });
        assertTrue(AttestationApi.auditEvents(tenant.id(), "keys.kek-rotated") >= 1);
        assertEquals(400, admin.get("/api/v1/keys?state=OLD").statusCode());
        var stranger = TestTenant.create("enc-at-rest-other").admin();
        assertEquals(404, stranger.get(LIST + "/" + job.id() + "/evidence").statusCode());
    }

    private record Job(String id, String location, String key, byte[] plain, byte[] nonceHex) {}

    private static Job submitted() {
        byte[] nonce = AttestationApi.nonce(admin);
        String location =
                accepted(submit(admin, AttestationApi.meaninglessEvidence(nonce).build()));
        String id = location.substring(location.lastIndexOf('/') + 1);
        var evidence = admin.get(LIST + "/" + id + "/evidence");
        assertEquals(200, evidence.statusCode(), evidence.body());
        return new Job(
                id,
                location,
                "attestations/" + tenant.id() + "/" + id + "/evidence.json",
                evidence.body().getBytes(StandardCharsets.UTF_8),
                java.util.HexFormat.of().formatHex(nonce).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] flip(byte[] raw, int at) {
        byte[] copy = raw.clone();
        copy[at] ^= 0x01;
        return copy;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    private static void update(String sql, Object... parameters) {
        try (var db = new DevServicesReport().database();
                var q = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setObject(i + 1, parameters[i]);
            }
            q.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql, Object... parameters) {
        try (var db = new DevServicesReport().database();
                var q = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setObject(i + 1, parameters[i]);
            }
            try (var rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
