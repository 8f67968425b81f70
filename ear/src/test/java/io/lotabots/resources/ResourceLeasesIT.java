package io.lotabots.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.TestBucket;
import io.lotabots.testsupport.TestTenant;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a server that died mid-work leaves behind, cleared by the persistent lease timer (every 10 s): an
 * upload's reservation with objects and an unfinished multipart upload in S3, and a job allocation whose
 * lease ran out. The leftovers are written as that server would have written them.
 */
class ResourceLeasesIT {

    private static final Duration TIMER = Duration.ofSeconds(90);

    @Test
    void aLapsedUploadHasItsObjectsAndUnfinishedMultipartUploadRemovedThenItsReservation() throws Exception {
        var tenant = TestTenant.create("lease-upload");
        UUID upload = UUID.randomUUID();
        String prefix = "models/" + tenant.id() + "/" + upload + "/";
        TestBucket.put(prefix + "files/0", new byte[] {1, 2, 3});
        TestBucket.beginUpload(prefix + "files/1", new byte[5 * 1024 * 1024]);
        update(
                "insert into lotabots.storage_reservation (owner_id, tenant_id, bytes, object_prefix, created_at,"
                        + " lease_expires_at) values (?, ?, ?, ?, ?, ?)",
                upload,
                tenant.id(),
                6_000_000L,
                prefix,
                ago(120),
                ago(60));

        Eventually.await(TIMER, () -> reservations(upload), n -> n == 0, "the lapsed reservation to go");

        assertEquals(List.of(), TestBucket.keys(prefix));
        assertEquals(List.of(), TestBucket.unfinishedUploads(prefix));
    }

    @Test
    void anUploadStillWithinItsLeaseIsLeftAlone() throws Exception {
        var tenant = TestTenant.create("lease-live");
        UUID upload = UUID.randomUUID();
        String prefix = "models/" + tenant.id() + "/" + upload + "/";
        TestBucket.put(prefix + "files/0", new byte[] {1});
        update(
                "insert into lotabots.storage_reservation (owner_id, tenant_id, bytes, object_prefix, created_at,"
                        + " lease_expires_at) values (?, ?, ?, ?, ?, ?)",
                upload,
                tenant.id(),
                1L,
                prefix,
                ago(1),
                Timestamp.from(Instant.now().plusSeconds(600)));

        // a lapsed witness written after it: once the timer has removed the witness, a run that also saw the
        // live reservation has passed, so no sleep has to guess the timer's period
        UUID witness = UUID.randomUUID();
        update(
                "insert into lotabots.storage_reservation (owner_id, tenant_id, bytes, object_prefix, created_at,"
                        + " lease_expires_at) values (?, ?, ?, ?, ?, ?)",
                witness,
                tenant.id(),
                1L,
                "models/" + tenant.id() + "/" + witness + "/",
                ago(120),
                ago(60));
        Eventually.await(TIMER, () -> reservations(witness), n -> n == 0, "the timer to clear the lapsed witness");

        assertEquals(1, reservations(upload));
        assertEquals(List.of(prefix + "files/0"), TestBucket.keys(prefix));
        update("delete from lotabots.storage_reservation where owner_id = ?", upload);
        TestBucket.delete(prefix + "files/0");
    }

    @Test
    void aJobAllocationWhoseLeaseRanOutIsReclaimed() throws Exception {
        var tenant = TestTenant.create("lease-job");
        UUID expired = UUID.randomUUID();
        UUID live = UUID.randomUUID();
        update(
                "insert into lotabots.resource_allocation (id, tenant_id, job_id, status, allocated_at, lease_expires_at)"
                        + " values (?, ?, ?, 'ACTIVE', ?, ?)",
                UUID.randomUUID(),
                tenant.id(),
                expired,
                ago(120),
                ago(30));
        update(
                "insert into lotabots.resource_allocation (id, tenant_id, job_id, status, allocated_at, lease_expires_at)"
                        + " values (?, ?, ?, 'ACTIVE', ?, ?)",
                UUID.randomUUID(),
                tenant.id(),
                live,
                ago(1),
                Timestamp.from(Instant.now().plusSeconds(600)));

        Eventually.await(TIMER, () -> status(expired), "RECLAIMED"::equals, "the expired allocation to be reclaimed");

        assertEquals("ACTIVE", status(live));
    }

    private static Timestamp ago(long seconds) {
        return Timestamp.from(Instant.now().minusSeconds(seconds));
    }

    private static long reservations(UUID owner) {
        try (var db = new DevServicesReport().database();
                var q = db.prepareStatement("select count(*) from lotabots.storage_reservation where owner_id = ?")) {
            q.setObject(1, owner);
            try (var rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String status(UUID job) {
        try (var db = new DevServicesReport().database();
                var q = db.prepareStatement("select status from lotabots.resource_allocation where job_id = ?")) {
            q.setObject(1, job);
            try (var rs = q.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(String sql, Object... parameters) throws SQLException {
        try (var db = new DevServicesReport().database();
                var q = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setObject(i + 1, parameters[i]);
            }
            q.executeUpdate();
        }
    }
}
