package io.lotabots.resources.boundary;

import io.lotabots.audit.boundary.AuditContext;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.identity.entity.Tenant;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.resources.control.QuotaLimits;
import io.lotabots.resources.control.UtcDay;
import io.lotabots.resources.entity.ResourceQuota;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's quotas: read with their current usage by every role of the tenant, changed by its
 * administrator or by a platform operator. Every change is a new version (ETag, If-Match), made under the
 * tenant's usage row lock so no allocation is decided against limits being replaced, and audited.
 */
@Stateless
public class ResourceQuotas {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    TenantUsage usage;

    @Inject
    JobSlots slots;

    @Inject
    ResourceAudit audit;

    @EJB
    ResourceAllocations allocations;

    @Inject
    AuditContext request;

    @Inject
    Clock clock;

    /** The caller's tenant's quotas and usage. */
    public QuotaView view(Caller caller) {
        return view(caller.tenantId());
    }

    /** Any tenant's quotas and usage, for the platform operator; 404 for no tenant (or the platform). */
    public QuotaView viewOfTenant(UUID tenantId) {
        requireTenant(tenantId);
        return view(tenantId);
    }

    /** Replaces the caller's tenant's limits; {@code expectedVersion} from If-Match, or null. */
    public QuotaView change(Caller caller, QuotaChange change, Long expectedVersion) {
        return write(caller, caller.tenantId(), change, expectedVersion);
    }

    /** Replaces a tenant's limits as the platform operator (the request's caller). */
    public QuotaView changeOfTenant(UUID tenantId, QuotaChange change, Long expectedVersion) {
        requireTenant(tenantId);
        return write(null, tenantId, change, expectedVersion);
    }

    private QuotaView write(Caller caller, UUID tenantId, QuotaChange change, Long expectedVersion) {
        var problems =
                QuotaLimits.problems(change.storedModelBytes(), change.concurrentJobs(), change.cpuSecondsPerDay());
        if (!problems.isEmpty()) {
            throw Refusal.invalidInput(problems);
        }
        usage.lock(tenantId);
        QuotaLimits before = usage.limits(tenantId);
        ResourceQuota quota = em.find(ResourceQuota.class, tenantId);
        long current = quota == null ? 0 : quota.version();
        if (expectedVersion != null && expectedVersion != current) {
            throw Refusal.staleVersion("If-Match names another version; the latest is " + current + ".", current);
        }
        if (quota == null) {
            quota = new ResourceQuota(tenantId);
            em.persist(quota);
        }
        // a platform operator has no Caller (no tenant): the request's authenticated caller names them
        var operator = caller == null ? request.caller() : java.util.Optional.<AuditContext.Caller>empty();
        quota.set(
                change.storedModelBytes().longValueExact(),
                change.concurrentJobs().intValueExact(),
                change.cpuSecondsPerDay().longValueExact(),
                caller != null
                        ? caller.subject()
                        : operator.map(AuditContext.Caller::actor).orElse("system"),
                caller != null
                        ? caller.name()
                        : operator.map(AuditContext.Caller::actorName).orElse(null),
                clock.instant());
        em.flush();
        QuotaLimits after = usage.limits(tenantId);
        slots.resize(tenantId, after.concurrentJobs());
        audit.changed(caller, tenantId, before, after, quota.version());
        return view(tenantId);
    }

    private QuotaView view(UUID tenantId) {
        Instant now = clock.instant();
        ResourceQuota quota = em.find(ResourceQuota.class, tenantId);
        TenantUsage.Row row = usage.read(tenantId);
        var used = new QuotaView.Usage(
                row.storedModelBytes(),
                usage.reservedBytes(tenantId),
                allocations.running(tenantId),
                BigDecimal.valueOf(usage.cpuMillis(tenantId, UtcDay.of(now)), 3));
        return new QuotaView(
                tenantId,
                usage.limits(tenantId),
                used,
                quota != null,
                quota == null ? 0 : quota.version(),
                quota == null ? null : quota.updatedAt(),
                quota == null ? null : quota.updatedBy(),
                UtcDay.nextStart(now));
    }

    private void requireTenant(UUID tenantId) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null || Tenant.PLATFORM_ID.equals(tenantId)) {
            throw Refusal.notFound("There is no tenant with this id.");
        }
    }
}
