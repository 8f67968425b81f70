package io.lotabots.resources.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A tenant's job slots, which hold its concurrent-jobs quota: a job is admitted by taking a free slot below
 * the limit with {@code FOR UPDATE SKIP LOCKED}, so parallel submissions of one tenant never wait for each
 * other and never together take more slots than exist. Slots are added (under the tenant's usage lock) only
 * when none is free and fewer than the limit exist, and trimmed when the quota shrinks.
 */
@Dependent
class JobSlots {

    /** Slots added at once when a tenant needs more: at least this many, or as many as it has. */
    private static final int GROWTH = 8;

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    TenantUsage usage;

    /**
     * Gives a free slot below {@code limit} to the allocation, locked until the transaction ends; empty when
     * every existing slot below the limit is taken or being taken.
     */
    OptionalInt take(UUID tenantId, int limit, UUID allocationId) {
        List<?> free = em.createNativeQuery("select slot_no from lotabots.resource_slot where tenant_id = ?"
                        + " and allocation_id is null and slot_no < ? order by slot_no limit 1 for update skip locked")
                .setParameter(1, tenantId)
                .setParameter(2, limit)
                .getResultList();
        if (free.isEmpty()) {
            return OptionalInt.empty();
        }
        int slot = ((Number) free.get(0)).intValue();
        em.createNativeQuery("update lotabots.resource_slot set allocation_id = ? where tenant_id = ? and slot_no = ?")
                .setParameter(1, allocationId)
                .setParameter(2, tenantId)
                .setParameter(3, slot)
                .executeUpdate();
        return OptionalInt.of(slot);
    }

    /**
     * Adds slots when fewer than {@code limit} exist below it (doubling, at most up to the limit); the caller
     * holds the tenant's usage lock and read the limit under it. False when the tenant has all its slots.
     */
    boolean grow(UUID tenantId, int limit) {
        long existing = ((Number) em.createNativeQuery(
                                "select count(*) from lotabots.resource_slot where tenant_id = ? and slot_no < ?")
                        .setParameter(1, tenantId)
                        .setParameter(2, limit)
                        .getSingleResult())
                .longValue();
        if (existing >= limit) {
            return false;
        }
        long target = Math.min(limit, existing + Math.max(GROWTH, existing));
        em.createNativeQuery("insert into lotabots.resource_slot (tenant_id, slot_no)"
                        + " select ?, n from generate_series(0, ?) n on conflict do nothing")
                .setParameter(1, tenantId)
                .setParameter(2, (int) target - 1)
                .executeUpdate();
        return true;
    }

    /**
     * Frees the allocation's slot: removed when it lies at or above the limit, else handed to a job still
     * running over a lowered limit, if any, so that no new job is admitted while they are as many as it. The
     * limit is read after the update, which waits for a quota change holding the slot.
     */
    void free(UUID tenantId, UUID allocationId) {
        List<?> freed = em.createNativeQuery("update lotabots.resource_slot set allocation_id = null"
                        + " where allocation_id = ? returning slot_no")
                .setParameter(1, allocationId)
                .getResultList();
        if (freed.isEmpty()) {
            return;
        }
        int slot = ((Number) freed.get(0)).intValue();
        int limit = usage.limits(tenantId).concurrentJobs();
        if (slot >= limit) {
            delete(tenantId, slot);
            return;
        }
        List<?> over = em.createNativeQuery("select slot_no, allocation_id from lotabots.resource_slot"
                        + " where tenant_id = ? and slot_no >= ? and allocation_id is not null"
                        + " order by slot_no desc limit 1 for update skip locked")
                .setParameter(1, tenantId)
                .setParameter(2, limit)
                .getResultList();
        if (!over.isEmpty()) {
            var columns = (Object[]) over.get(0);
            move(tenantId, ((Number) columns[0]).intValue(), columns[1], slot);
        }
    }

    /**
     * Fits the slots to a new limit under the tenant's usage lock: jobs in slots at or above it move down
     * into free slots below it while there are any, and free slots at or above it go, so that jobs running
     * over a lowered limit keep their slots and no new job is admitted until they are fewer than it.
     */
    void resize(UUID tenantId, int limit) {
        List<?> rows = em.createNativeQuery("select slot_no, allocation_id from lotabots.resource_slot"
                        + " where tenant_id = ? order by slot_no for update")
                .setParameter(1, tenantId)
                .getResultList();
        var freeBelow = new ArrayDeque<Integer>();
        var takenAbove = new ArrayList<Object[]>();
        for (Object row : rows) {
            var columns = (Object[]) row;
            int slot = ((Number) columns[0]).intValue();
            if (slot < limit && columns[1] == null) {
                freeBelow.add(slot);
            } else if (slot >= limit && columns[1] != null) {
                takenAbove.add(columns);
            }
        }
        for (Object[] taken : takenAbove) {
            if (freeBelow.isEmpty()) {
                break;
            }
            move(tenantId, ((Number) taken[0]).intValue(), taken[1], freeBelow.poll());
        }
        em.createNativeQuery("delete from lotabots.resource_slot where tenant_id = ? and slot_no >= ?"
                        + " and allocation_id is null")
                .setParameter(1, tenantId)
                .setParameter(2, limit)
                .executeUpdate();
    }

    /** Moves a job from slot {@code from} (which goes) into the free slot {@code to}; both are locked. */
    private void move(UUID tenantId, int from, Object allocationId, int to) {
        delete(tenantId, from);
        em.createNativeQuery("update lotabots.resource_slot set allocation_id = ? where tenant_id = ? and slot_no = ?")
                .setParameter(1, allocationId)
                .setParameter(2, tenantId)
                .setParameter(3, to)
                .executeUpdate();
    }

    private void delete(UUID tenantId, int slot) {
        em.createNativeQuery("delete from lotabots.resource_slot where tenant_id = ? and slot_no = ?")
                .setParameter(1, tenantId)
                .setParameter(2, slot)
                .executeUpdate();
    }
}
