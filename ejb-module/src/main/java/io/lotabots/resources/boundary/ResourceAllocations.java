package io.lotabots.resources.boundary;

import io.lotabots.platform.ids.TimeOrderedIds;
import io.lotabots.resources.control.UtcDay;
import io.lotabots.resources.entity.AllocationStatus;
import io.lotabots.resources.entity.ResourceAllocation;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Admission of verification jobs under their tenant's quotas. A job takes an allocation before it runs
 * ({@link #allocate}), renews its lease while it runs, and releases it with the CPU it used when it ends;
 * an allocation whose lease runs out is reclaimed by {@link LeaseReclaimer}. An allocation holds one of the
 * tenant's job slots ({@link JobSlots}), so parallel submissions and verdicts of one tenant neither pass the
 * concurrent-jobs quota nor wait for each other.
 */
@Stateless
public class ResourceAllocations {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    TenantUsage usage;

    @Inject
    JobSlots slots;

    @Inject
    QuotaGate gate;

    @Inject
    Clock clock;

    /**
     * Admits job {@code jobId} of the tenant for {@code lease}, in the caller's transaction (a submission
     * stores its job and its allocation together) or a new one. A job that already holds an active
     * allocation gets it back with the lease renewed.
     *
     * @throws QuotaExceededException 429 when today's CPU budget is spent, 409 when the tenant already runs
     *     its most jobs at once (audited either way; the caller's transaction rolls back)
     */
    public Allocation allocate(UUID tenantId, UUID jobId, Duration lease) {
        requirePositive(lease);
        Instant now = clock.instant();
        Optional<ResourceAllocation> active =
                latest(jobId, LockModeType.PESSIMISTIC_WRITE).filter(a -> a.status() == AllocationStatus.ACTIVE);
        if (active.isPresent()) {
            active.get().renew(now.plus(lease));
            return view(active.get());
        }
        var limits = usage.limits(tenantId);
        // a job's CPU is charged when it ends, so any budget left admits it: no lock is needed to read it
        gate.requireCpu(tenantId, limits, usage.cpuMillis(tenantId, UtcDay.of(now)), now, jobId);
        UUID id = TimeOrderedIds.next();
        OptionalInt slot = slots.take(tenantId, limits.concurrentJobs(), id);
        if (slot.isEmpty()) {
            usage.lock(tenantId); // adding slots waits for a quota change, then reads the limit it set
            limits = usage.limits(tenantId);
            // the slots another submission added while this one waited for the lock come first
            slot = slots.take(tenantId, limits.concurrentJobs(), id);
            while (slot.isEmpty() && slots.grow(tenantId, limits.concurrentJobs())) {
                slot = slots.take(tenantId, limits.concurrentJobs(), id);
            }
            if (slot.isEmpty()) {
                gate.refuseJobSlot(tenantId, limits, Math.max(running(tenantId), limits.concurrentJobs()), jobId);
            }
        }
        var allocation = new ResourceAllocation(id, tenantId, jobId, slot.getAsInt(), now, now.plus(lease));
        em.persist(allocation);
        em.flush();
        return view(allocation);
    }

    /** Extends a running job's lease; false when its allocation is no longer active (reclaimed or released). */
    public boolean renew(UUID jobId, Duration lease) {
        requirePositive(lease);
        var active = latest(jobId, LockModeType.PESSIMISTIC_WRITE).filter(a -> a.status() == AllocationStatus.ACTIVE);
        active.ifPresent(a -> a.renew(clock.instant().plus(lease)));
        return active.isPresent();
    }

    /**
     * Ends the job's allocation, frees its slot and charges the CPU it used to the tenant's day. A job whose
     * lease was reclaimed meanwhile is charged all the same: it did use the CPU. False when the job never had
     * an allocation or was released already.
     */
    public boolean release(UUID jobId, Duration cpuUsed) {
        if (cpuUsed.isNegative()) {
            throw new IllegalArgumentException("CPU used cannot be negative: " + cpuUsed);
        }
        var unlocked = latest(jobId, LockModeType.NONE);
        if (unlocked.isEmpty() || unlocked.get().releasedAt() != null) {
            return false;
        }
        var allocation = em.find(ResourceAllocation.class, unlocked.get().id(), LockModeType.PESSIMISTIC_WRITE);
        if (allocation.releasedAt() != null) {
            return false;
        }
        Instant now = clock.instant();
        allocation.release(cpuUsed.toMillis(), now);
        slots.free(allocation.tenantId(), allocation.id());
        usage.chargeCpu(allocation.tenantId(), UtcDay.of(now), allocation.slotNo(), cpuUsed.toMillis());
        return true;
    }

    /** Marks every allocation whose lease ran out as reclaimed and frees its job slot; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int reclaimExpired() {
        // the allocations first, then their slots: the order release() locks them in
        List<?> reclaimed = em.createNativeQuery("update lotabots.resource_allocation set status = 'RECLAIMED'"
                        + " where status = 'ACTIVE' and lease_expires_at < ? returning tenant_id, id")
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .getResultList();
        for (Object row : reclaimed) {
            var columns = (Object[]) row;
            slots.free((UUID) columns[0], (UUID) columns[1]);
        }
        return reclaimed.size();
    }

    /** The tenant's jobs holding an active allocation. */
    public long running(UUID tenantId) {
        return em.createNamedQuery(ResourceAllocation.ACTIVE_OF_TENANT, Long.class)
                .setParameter("tenantId", tenantId)
                .getSingleResult();
    }

    /** The job's most recent allocation, if it ever had one. */
    public Optional<Allocation> find(UUID jobId) {
        return latest(jobId, LockModeType.NONE).map(ResourceAllocations::view);
    }

    private Optional<ResourceAllocation> latest(UUID jobId, LockModeType lock) {
        return em.createNamedQuery(ResourceAllocation.LATEST_OF_JOB, ResourceAllocation.class)
                .setParameter("jobId", jobId)
                .setMaxResults(1)
                .setLockMode(lock)
                .getResultStream()
                .findFirst();
    }

    private static void requirePositive(Duration lease) {
        if (lease.isZero() || lease.isNegative()) {
            throw new IllegalArgumentException("a lease must be positive: " + lease);
        }
    }

    private static Allocation view(ResourceAllocation a) {
        return new Allocation(a.id(), a.tenantId(), a.jobId(), a.status(), a.allocatedAt(), a.leaseExpiresAt());
    }
}
