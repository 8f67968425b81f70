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
 * A tenant's usage row: the one row every allocation, reservation and quota change of the tenant locks
 * first ({@code SELECT … FOR UPDATE}), so that their checks and writes happen one after the other and
 * parallel requests can never together pass a limit.
 */
@Dependent
class TenantUsage {

    /** What the row holds: committed model bytes, and the CPU charged on {@code cpuDay}. */
    record Row(long storedModelBytes, LocalDate cpuDay, long cpuMillis) {

        /** CPU charged on {@code today}; another day's charge no longer counts. */
        long cpuMillisOn(LocalDate today) {
            return today.equals(cpuDay) ? cpuMillis : 0;
        }
    }

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    QuotaDefaults defaults;

    /** Locks the tenant's usage row (created on first use) until the transaction ends, and reads it. */
    Row lock(UUID tenantId) {
        em.createNativeQuery("insert into lotabots.resource_usage (tenant_id) values (?) on conflict do nothing")
                .setParameter(1, tenantId)
                .executeUpdate();
        return row(em.createNativeQuery("select stored_model_bytes, cpu_day, cpu_millis from lotabots.resource_usage"
                        + " where tenant_id = ? for update")
                .setParameter(1, tenantId)
                .getSingleResult());
    }

    /** Reads the row without locking (zeros for a tenant that never used anything). */
    Row read(UUID tenantId) {
        var rows = em.createNativeQuery(
                        "select stored_model_bytes, cpu_day, cpu_millis from lotabots.resource_usage where tenant_id = ?")
                .setParameter(1, tenantId)
                .getResultList();
        return rows.isEmpty() ? new Row(0, LocalDate.EPOCH, 0) : row(rows.get(0));
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

    /** Charges CPU to {@code today}, starting the day's count afresh when the row still counts another day. */
    void chargeCpu(UUID tenantId, LocalDate today, long millis) {
        em.createNativeQuery("update lotabots.resource_usage set cpu_millis = case when cpu_day = ? then cpu_millis + ?"
                        + " else ? end, cpu_day = ? where tenant_id = ?")
                .setParameter(1, java.sql.Date.valueOf(today))
                .setParameter(2, millis)
                .setParameter(3, millis)
                .setParameter(4, java.sql.Date.valueOf(today))
                .setParameter(5, tenantId)
                .executeUpdate();
    }

    private static Row row(Object result) {
        var columns = (Object[]) result;
        return new Row(((Number) columns[0]).longValue(), localDate(columns[1]), ((Number) columns[2]).longValue());
    }

    private static LocalDate localDate(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return (LocalDate) value;
    }
}
