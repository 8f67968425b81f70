package io.lotabots.resources.boundary;

import io.lotabots.resources.control.QuotaLimits;
import io.lotabots.resources.entity.ResourceQuota;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A tenant's usage row: the row every storage reservation and quota change of the tenant locks
 * ({@code SELECT … FOR UPDATE}), so that their checks and writes happen one after the other and parallel
 * requests can never together pass a limit; job admission takes it only to add job slots. Also the CPU
 * charged to the tenant's days, counted per job slot so that concluding jobs do not queue on one row.
 */
@Dependent
class TenantUsage {

    /** What the row holds: committed model bytes. */
    record Row(long storedModelBytes) {}

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    QuotaDefaults defaults;

    /** Locks the tenant's usage row (created on first use) until the transaction ends, and reads it. */
    Row lock(UUID tenantId) {
        em.createNativeQuery("insert into lotabots.resource_usage (tenant_id) values (?) on conflict do nothing")
                .setParameter(1, tenantId)
                .executeUpdate();
        return row(em.createNativeQuery(
                        "select stored_model_bytes from lotabots.resource_usage where tenant_id = ? for update")
                .setParameter(1, tenantId)
                .getSingleResult());
    }

    /** Reads the row without locking (zeros for a tenant that never used anything). */
    Row read(UUID tenantId) {
        var rows = em.createNativeQuery("select stored_model_bytes from lotabots.resource_usage where tenant_id = ?")
                .setParameter(1, tenantId)
                .getResultList();
        return rows.isEmpty() ? new Row(0) : row(rows.get(0));
    }

    /** The tenant's limits: its own when set, else the defaults. */
    QuotaLimits limits(UUID tenantId) {
        ResourceQuota quota = em.find(ResourceQuota.class, tenantId);
        return quota == null
                ? defaults.limits()
                : new QuotaLimits(quota.maxModelBytes(), quota.maxConcurrentJobs(), quota.maxCpuSecondsPerDay());
    }

    /** Bytes held by uploads still being received (their reservations). */
    long reservedBytes(UUID tenantId) {
        return ((Number) em.createNativeQuery(
                                "select coalesce(sum(bytes), 0) from lotabots.storage_reservation where tenant_id = ?")
                        .setParameter(1, tenantId)
                        .getSingleResult())
                .longValue();
    }

    /** Adds (or with a negative delta removes) committed model bytes; the row must be locked. */
    void addStoredBytes(UUID tenantId, long delta) {
        em.createNativeQuery(
                        "update lotabots.resource_usage set stored_model_bytes = greatest(0, stored_model_bytes + ?)"
                                + " where tenant_id = ?")
                .setParameter(1, delta)
                .setParameter(2, tenantId)
                .executeUpdate();
    }

    /** CPU charged to the tenant's {@code day} (UTC) by the jobs that ended on it; read without locking. */
    long cpuMillis(UUID tenantId, LocalDate day) {
        return ((Number) em.createNativeQuery("select coalesce(sum(cpu_millis), 0) from lotabots.resource_cpu_charge"
                                + " where tenant_id = ? and day = ?")
                        .setParameter(1, tenantId)
                        .setParameter(2, java.sql.Date.valueOf(day))
                        .getSingleResult())
                .longValue();
    }

    /** Adds CPU to {@code day}'s counter of the job's slot, the row only jobs of that slot write. */
    void chargeCpu(UUID tenantId, LocalDate day, int slot, long millis) {
        em.createNativeQuery("insert into lotabots.resource_cpu_charge (tenant_id, day, slot_no, cpu_millis)"
                        + " values (?, ?, ?, ?) on conflict (tenant_id, day, slot_no)"
                        + " do update set cpu_millis = resource_cpu_charge.cpu_millis + excluded.cpu_millis")
                .setParameter(1, tenantId)
                .setParameter(2, java.sql.Date.valueOf(day))
                .setParameter(3, slot)
                .setParameter(4, millis)
                .executeUpdate();
    }

    private static Row row(Object result) {
        return new Row(((Number) result).longValue());
    }
}
