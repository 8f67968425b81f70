package io.lotabots.retention.boundary;

import io.lotabots.identity.boundary.Caller;
import io.lotabots.platform.ids.TimeOrderedIds;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.retention.control.HeldObject;
import io.lotabots.retention.control.HoldCoverage;
import io.lotabots.retention.control.HoldRules;
import io.lotabots.retention.entity.HeldObjectType;
import io.lotabots.retention.entity.HoldScope;
import io.lotabots.retention.entity.LegalHold;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Legal holds: placed and released (with a reason, audited with the real actor) by officers and
 * administrators; and the check every purge makes — the retention purge here, and erasure elsewhere — before
 * it removes anything: {@link #isHeld} for one object, {@link #heldFor} for everything of one data subject.
 */
@Stateless
public class LegalHolds {

    /** At most this many holds are listed; a tenant with more is doing something other than holding. */
    public static final int MAX_LISTED = 500;

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    HeldObjects objects;

    @Inject
    RetentionAudit audit;

    @Inject
    Clock clock;

    /** Places a hold; an object hold must name an object of the caller's tenant (404 otherwise). */
    public LegalHoldView place(Caller caller, HoldDraft draft) {
        var hold =
                HoldRules.check(draft.scope(), draft.subject(), draft.objectType(), draft.objectId(), draft.reason());
        if (hold.scope() == HoldScope.OBJECT
                && !objects.exists(caller.tenantId(), hold.objectType(), hold.objectId())) {
            throw Refusal.notFound(
                    "The tenant has no " + draft.objectType().toLowerCase(java.util.Locale.ROOT) + " with this id.");
        }
        var entity = new LegalHold(
                TimeOrderedIds.next(),
                caller.tenantId(),
                hold.scope(),
                hold.subject(),
                hold.objectType(),
                hold.objectId(),
                hold.reason(),
                caller.subject(),
                caller.name(),
                clock.instant());
        em.persist(entity);
        em.flush();
        audit.placed(caller, entity);
        return LegalHoldView.of(entity);
    }

    /** The tenant's holds, active ones first, each group newest first. */
    public List<LegalHoldView> list(UUID tenantId) {
        return em.createQuery(
                        "select h from LegalHold h where h.tenantId = :tenant"
                                + " order by case when h.releasedAt is null then 0 else 1 end, h.placedAt desc, h.id desc",
                        LegalHold.class)
                .setParameter("tenant", tenantId)
                .setMaxResults(MAX_LISTED)
                .getResultStream()
                .map(LegalHoldView::of)
                .toList();
    }

    public LegalHoldView find(UUID tenantId, UUID id) {
        return LegalHoldView.of(confined(tenantId, em.find(LegalHold.class, id)));
    }

    /** Releases an active hold (404 for no hold of the tenant, 409 for one already released). */
    public LegalHoldView release(Caller caller, UUID id, String reason) {
        var hold = confined(caller.tenantId(), em.find(LegalHold.class, id, LockModeType.PESSIMISTIC_WRITE));
        var problems = HoldRules.reason(new ArrayList<FieldProblem>(), "reason", reason);
        if (!problems.isEmpty()) {
            throw Refusal.invalidInput(problems);
        }
        if (!hold.active()) {
            throw Refusal.conflict("The hold was already released at " + hold.releasedAt() + ".");
        }
        hold.release(caller.subject(), caller.name(), clock.instant(), reason.strip());
        em.flush();
        audit.released(caller, hold);
        return LegalHoldView.of(hold);
    }

    /** Whether an active hold covers the object (the tenant, its owner {@code owner} if known, or the object). */
    public boolean isHeld(UUID tenantId, HeldObjectType type, UUID objectId, String owner) {
        return HoldCoverage.covers(active(tenantId), new HeldObject(type, objectId, owner));
    }

    /**
     * Every active hold that stops an erasure of the subject: those of {@link #heldFor} and the object holds on
     * anything the subject owns (a document or model they created, an attestation they submitted).
     */
    public List<LegalHoldView> blockingErasureOf(UUID tenantId, String subject) {
        var holds = new ArrayList<>(heldFor(tenantId, subject));
        @SuppressWarnings("unchecked") // a native query of one uuid column
        List<UUID> objectHolds = em.createNativeQuery("select h.id from lotabots.legal_hold h where h.tenant_id = ?1"
                        + " and h.released_at is null and h.scope = 'OBJECT' and ("
                        + " (h.object_type = 'DOCUMENT' and exists (select 1 from lotabots.documents d"
                        + "  where d.id = h.object_id and d.tenant_id = ?1 and d.created_by = ?2))"
                        + " or (h.object_type = 'MODEL' and exists (select 1 from lotabots.models m"
                        + "  where m.id = h.object_id and m.tenant_id = ?1 and m.created_by = ?2))"
                        + " or (h.object_type = 'ATTESTATION' and exists (select 1 from lotabots.attestation a"
                        + "  where a.id = h.object_id and a.tenant_id = ?1 and a.submitted_by = ?2)))"
                        + " order by h.placed_at")
                .setParameter(1, tenantId)
                .setParameter(2, subject)
                .getResultList();
        objectHolds.forEach(id -> holds.add(LegalHoldView.of(em.find(LegalHold.class, id))));
        return holds;
    }

    /** The active holds that cover everything of one data subject: the tenant's holds and the subject's own. */
    public List<LegalHoldView> heldFor(UUID tenantId, String subject) {
        return em.createQuery(
                        "select h from LegalHold h where h.tenantId = :tenant and h.releasedAt is null and"
                                + " (h.scope = :tenantScope or (h.scope = :subjectScope and h.subject = :subject))",
                        LegalHold.class)
                .setParameter("tenant", tenantId)
                .setParameter("tenantScope", HoldScope.TENANT)
                .setParameter("subjectScope", HoldScope.SUBJECT)
                .setParameter("subject", subject)
                .getResultStream()
                .map(LegalHoldView::of)
                .toList();
    }

    /** The tenant's active holds, as the purge checks them. */
    public List<HoldCoverage.Hold> active(UUID tenantId) {
        return em.createQuery(
                        "select h from LegalHold h where h.tenantId = :tenant and h.releasedAt is null",
                        LegalHold.class)
                .setParameter("tenant", tenantId)
                .getResultStream()
                .map(h -> new HoldCoverage.Hold(
                        h.scope(),
                        h.subject(),
                        h.objectId() == null ? null : new HeldObject(h.objectType(), h.objectId(), null)))
                .toList();
    }

    private static LegalHold confined(UUID tenantId, LegalHold hold) {
        if (hold == null || !hold.tenantId().equals(tenantId)) {
            throw Refusal.notFound("The tenant has no legal hold with this id.");
        }
        return hold;
    }
}
