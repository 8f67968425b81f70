package io.lotabots.attestation.policy;

import io.lotabots.platform.paging.MalformedCursorException;
import io.lotabots.platform.paging.Page;
import io.lotabots.platform.paging.PageCursor;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The versioning every type's policies share, over that type's {@link PolicyHead} entity: the default
 * name made once under concurrent first uses, the live name (locked for a write), a name to write
 * version 1 under, and the page of live names. What a refusal looks like stays with the caller.
 */
@Dependent
public class PolicyHeads {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    /**
     * Inserts the tenant's {@code default} head unless it exists ({@code insert … on conflict do
     * nothing}, so concurrent first uses insert it once) and returns it only to the call that inserted
     * it, which then writes version 1.
     */
    public <H extends PolicyHead> Optional<H> insertDefault(Class<H> type, UUID tenantId, Instant now) {
        if (em.find(type, new PolicyHead.Key(tenantId, PolicyNames.DEFAULT)) != null) {
            return Optional.empty();
        }
        int inserted = em.createNativeQuery("insert into lotabots." + table(type)
                        + " (tenant_id, name, latest_version, created_at) values (?, ?, 0, ?) on conflict do nothing")
                .setParameter(1, tenantId)
                .setParameter(2, PolicyNames.DEFAULT)
                .setParameter(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        H head = em.find(type, new PolicyHead.Key(tenantId, PolicyNames.DEFAULT));
        em.refresh(head);
        return Optional.of(head);
    }

    /** The current head of {@code name}, only if the tenant has it and it is not deleted. */
    public <H extends PolicyHead> Optional<H> live(Class<H> type, UUID tenantId, String name, LockModeType lock) {
        H head = name == null ? null : em.find(type, new PolicyHead.Key(tenantId, name), lock);
        return head == null || head.isDeleted() ? Optional.empty() : Optional.of(head);
    }

    /**
     * The head to write a new policy under, locked: a fresh one, or a deleted name restored (its
     * numbering continues); empty when the tenant already has a live policy of that name.
     */
    public <H extends PolicyHead> Optional<H> claim(
            Class<H> type, UUID tenantId, String name, java.util.function.Supplier<H> fresh) {
        H head = em.find(type, new PolicyHead.Key(tenantId, name), LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            head = fresh.get();
            em.persist(head);
            return Optional.of(head);
        }
        if (!head.isDeleted()) {
            return Optional.empty();
        }
        head.restore();
        return Optional.of(head);
    }

    /** The tenant's live names in order, {@code limit} at a time after the cursor's name. */
    public <H extends PolicyHead> Page<H> page(Class<H> type, UUID tenantId, String cursor, int limit) {
        String after = cursor == null ? "" : PageCursor.parts(cursor, 1).get(0);
        if (cursor != null && after.isEmpty()) {
            throw new MalformedCursorException();
        }
        var rows = em.createQuery(
                        "select p from " + type.getSimpleName() + " p where p.tenantId = :tenantId"
                                + " and p.deletedAt is null and p.name > :afterName order by p.name",
                        type)
                .setParameter("tenantId", tenantId)
                .setParameter("afterName", after)
                .setMaxResults(limit + 1)
                .getResultList();
        boolean more = rows.size() > limit;
        var shown = more ? rows.subList(0, limit) : rows;
        return new Page<>(
                List.copyOf(shown),
                more ? PageCursor.after(shown.get(shown.size() - 1).name()) : null);
    }

    private static String table(Class<?> type) {
        return type.getAnnotation(Table.class).name();
    }
}
