package io.lotabots.resources.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The stored-model-bytes quota for uploads that are still being received. An upload opens a reservation,
 * extends it before the bytes it receives can be stored (so parallel uploads cannot together pass the
 * quota), and settles it into the tenant's stored bytes in the transaction that records the model. The
 * upload renews the lease while it runs; a reservation whose lease runs out (its server died) lapses, and
 * the lease timer removes everything stored under its object prefix.
 */
@Stateless
public class StorageReservations {

    /** A lapsed reservation: what the lease timer must clear in S3 before the row goes. */
    public record Lapsed(UUID ownerId, String objectPrefix) {}

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    TenantUsage usage;

    @Inject
    QuotaGate gate;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "lotabots.resources.upload-lease", defaultValue = "PT10M")
    Duration lease;

    /** How long a reservation lives without renewal before it lapses. */
    public Duration lease() {
        return lease;
    }

    /**
     * Opens the reservation of upload {@code ownerId}, whose objects all lie under {@code objectPrefix}, with
     * the {@code expectedBytes} it declares reserved at once (0 when unknown); refused when they do not fit, or
     * when the tenant's stored and reserved bytes already reach its quota. Returns the bytes reserved.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long open(UUID tenantId, UUID ownerId, String objectPrefix, long expectedBytes) {
        TenantUsage.Row row = usage.lock(tenantId);
        var limits = usage.limits(tenantId);
        long used = row.storedModelBytes() + usage.reservedBytes(tenantId);
        long reserve = Math.max(0, expectedBytes);
        gate.requireStorage(tenantId, limits, used, Math.max(1, reserve), "model", ownerId);
        Instant now = clock.instant();
        em.createNativeQuery("insert into lotabots.storage_reservation (owner_id, tenant_id, bytes, object_prefix,"
                        + " created_at, lease_expires_at) values (?, ?, ?, ?, ?, ?)")
                .setParameter(1, ownerId)
                .setParameter(2, tenantId)
                .setParameter(3, reserve)
                .setParameter(4, objectPrefix)
                .setParameter(5, utc(now))
                .setParameter(6, utc(now.plus(lease)))
                .executeUpdate();
        return reserve;
    }

    /**
     * Reserves at least {@code needed} more bytes for the upload, and up to {@code preferred} when the quota
     * has room, renewing its lease; returns the bytes now reserved in all.
     *
     * @throws QuotaExceededException 409 when {@code needed} more bytes would pass the quota (audited)
     * @throws ReservationLapsedException when the reservation lapsed meanwhile
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long extend(UUID tenantId, UUID ownerId, long needed, long preferred) {
        TenantUsage.Row row = usage.lock(tenantId);
        long reserved = lockReservation(ownerId);
        var limits = usage.limits(tenantId);
        long used = row.storedModelBytes() + usage.reservedBytes(tenantId);
        gate.requireStorage(tenantId, limits, used, needed, "model", ownerId);
        long grant = Math.max(needed, Math.min(preferred, limits.storedModelBytes() - used));
        em.createNativeQuery("update lotabots.storage_reservation set bytes = bytes + ?, lease_expires_at = ?"
                        + " where owner_id = ?")
                .setParameter(1, grant)
                .setParameter(2, utc(clock.instant().plus(lease)))
                .setParameter(3, ownerId)
                .executeUpdate();
        return reserved + grant;
    }

    /** Renews the upload's lease without reserving more (the upload's heartbeat). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void renew(UUID ownerId) {
        int renewed = em.createNativeQuery("update lotabots.storage_reservation set lease_expires_at = ?"
                        + " where owner_id = ? and not lapsed")
                .setParameter(1, utc(clock.instant().plus(lease)))
                .setParameter(2, ownerId)
                .executeUpdate();
        if (renewed == 0) {
            throw new ReservationLapsedException(ownerId);
        }
    }

    /**
     * Turns the upload's reservation into {@code bytes} of stored model bytes, in the transaction that records
     * the model; refused when the reservation lapsed (its objects are being removed).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void settle(UUID tenantId, UUID ownerId, long bytes) {
        usage.lock(tenantId);
        long reserved = lockReservation(ownerId);
        if (bytes > reserved) {
            throw new IllegalStateException(
                    "upload " + ownerId + " stored " + bytes + " bytes but reserved only " + reserved);
        }
        usage.addStoredBytes(tenantId, bytes);
        delete(ownerId);
    }

    /** Gives back stored model bytes (a model was deleted), in the deletion's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void free(UUID tenantId, long bytes) {
        usage.lock(tenantId);
        usage.addStoredBytes(tenantId, -bytes);
    }

    /** Drops the reservation of an upload that failed once its objects are gone; false when there was none. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean cancel(UUID ownerId) {
        return delete(ownerId) > 0;
    }

    /** Whether the upload still holds a reservation (lapsed or not). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean exists(UUID ownerId) {
        return !em.createNativeQuery("select 1 from lotabots.storage_reservation where owner_id = ?")
                .setParameter(1, ownerId)
                .getResultList()
                .isEmpty();
    }

    /**
     * Marks reservations whose lease ran out as lapsed (no upload may extend or settle them from then on)
     * and returns every lapsed one, those of earlier runs whose S3 clean-up failed included.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Lapsed> lapseExpired() {
        em.createNativeQuery("update lotabots.storage_reservation set lapsed = true where not lapsed"
                        + " and lease_expires_at < ?")
                .setParameter(1, utc(clock.instant()))
                .executeUpdate();
        List<?> rows = em.createNativeQuery("select owner_id, object_prefix from lotabots.storage_reservation"
                        + " where lapsed order by lease_expires_at limit 100")
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new Lapsed((UUID) r[0], (String) r[1]))
                .toList();
    }

    private long lockReservation(UUID ownerId) {
        List<?> rows = em.createNativeQuery(
                        "select bytes, lapsed from lotabots.storage_reservation where owner_id = ? for update")
                .setParameter(1, ownerId)
                .getResultList();
        if (rows.isEmpty() || Boolean.TRUE.equals(((Object[]) rows.get(0))[1])) {
            throw new ReservationLapsedException(ownerId);
        }
        return ((Number) ((Object[]) rows.get(0))[0]).longValue();
    }

    private int delete(UUID ownerId) {
        return em.createNativeQuery("delete from lotabots.storage_reservation where owner_id = ?")
                .setParameter(1, ownerId)
                .executeUpdate();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
