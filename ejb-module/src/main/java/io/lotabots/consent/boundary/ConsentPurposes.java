package io.lotabots.consent.boundary;

import io.lotabots.consent.control.ConsentReceipt;
import io.lotabots.consent.control.PurposeRules;
import io.lotabots.consent.entity.ConsentPolicy;
import io.lotabots.consent.entity.ConsentPurpose;
import io.lotabots.consent.entity.ProcessingActivity;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.platform.ids.TimeOrderedIds;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's catalogue of processing purposes: each with its legal basis and versioned policy texts. A purpose
 * is never deleted or renamed, because consent records point to it; a changed text is a new policy version.
 */
@Stateless
public class ConsentPurposes {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    ConsentAudit audit;

    @Inject
    Clock clock;

    public PurposeView create(Caller caller, PurposeDraft draft) {
        var problems = PurposeRules.purpose(
                draft.code(), draft.name(), draft.description(), draft.legalBasis(), draft.requiredFor());
        problems.addAll(PurposeRules.policy(draft.policyText(), draft.policyUrl()));
        if (!problems.isEmpty()) {
            throw Refusal.invalidInput(problems);
        }
        if (find(caller.tenantId(), draft.code()).isPresent()) {
            throw exists(draft.code());
        }
        var activities = EnumSet.noneOf(ProcessingActivity.class);
        if (draft.requiredFor() != null) {
            draft.requiredFor().forEach(a -> activities.add(PurposeRules.activity(a)));
        }
        Instant now = clock.instant();
        var purpose = new ConsentPurpose(
                TimeOrderedIds.next(),
                caller.tenantId(),
                draft.code(),
                draft.name().strip(),
                draft.description().strip(),
                PurposeRules.legalBasis(draft.legalBasis()),
                activities,
                now,
                caller.subject());
        em.persist(purpose);
        try {
            // the purpose's row first: the policy row refers to it, and nothing tells the provider the order
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                // another request created the same code since the check above
                throw exists(draft.code());
            }
            throw e;
        }
        em.persist(new ConsentPolicy(purpose.id(), 1, draft.policyText(), draft.policyUrl(), now, caller.subject()));
        em.flush();
        audit.purposeCreated(caller, purpose);
        return PurposeView.of(purpose);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Refusal exists(String code) {
        return Refusal.builder(Refusal.Kind.CONFLICT, "purpose-exists", "Purpose exists")
                .detail("The tenant already has a purpose '" + code + "'; publish a new policy version to change its"
                        + " text.")
                .build();
    }

    public List<PurposeView> list(UUID tenantId) {
        return em
                .createNamedQuery(ConsentPurpose.ALL, ConsentPurpose.class)
                .setParameter("tenant", tenantId)
                .getResultList()
                .stream()
                .map(PurposeView::of)
                .toList();
    }

    public PurposeView get(UUID tenantId, String code) {
        return PurposeView.of(require(tenantId, code));
    }

    /** Every policy version of a purpose, newest first. */
    public List<PolicyView> policies(UUID tenantId, String code) {
        var purpose = require(tenantId, code);
        return em
                .createNamedQuery(ConsentPolicy.OF_PURPOSE, ConsentPolicy.class)
                .setParameter("purpose", purpose.id())
                .getResultList()
                .stream()
                .map(p -> PolicyView.of(code, p))
                .toList();
    }

    /** A new policy text becomes the purpose's current version; grants under older versions become due for renewal. */
    public PolicyView publish(Caller caller, String code, String text, String url) {
        // another tenant's purpose is unknown (404) whatever the body says
        var purpose = require(caller.tenantId(), code);
        var problems = PurposeRules.policy(text, url);
        if (!problems.isEmpty()) {
            throw Refusal.invalidInput(problems);
        }
        em.lock(purpose, LockModeType.PESSIMISTIC_WRITE);
        int version = purpose.publishNextPolicy();
        var policy = new ConsentPolicy(purpose.id(), version, text, url, clock.instant(), caller.subject());
        em.persist(policy);
        em.flush();
        audit.policyPublished(caller, purpose, version);
        return PolicyView.of(code, policy);
    }

    /** The policy's own URL, or the URN naming the version when the tenant published none. */
    public String policyUrl(ConsentPurpose purpose, int version) {
        var policy = em.find(ConsentPolicy.class, new ConsentPolicy.Key(purpose.id(), version));
        return policy != null && policy.url() != null
                ? policy.url()
                : ConsentReceipt.policyUrn(purpose.code(), version);
    }

    public ConsentPurpose require(UUID tenantId, String code) {
        return find(tenantId, code).orElseThrow(() -> Refusal.notFound("The tenant has no purpose with this code."));
    }

    public Optional<ConsentPurpose> find(UUID tenantId, String code) {
        if (code == null || !PurposeRules.CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return em.createNamedQuery(ConsentPurpose.BY_CODE, ConsentPurpose.class)
                .setParameter("tenant", tenantId)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }
}
