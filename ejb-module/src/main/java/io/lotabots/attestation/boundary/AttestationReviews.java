package io.lotabots.attestation.boundary;

import io.lotabots.attestation.control.ReviewInput;
import io.lotabots.attestation.entity.Attestation;
import io.lotabots.attestation.entity.AttestationReview;
import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.platform.refusal.Refusal.Kind;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reviews of attestation verdicts: a compliance officer or administrator accepts a final outcome or
 * flags it with a justification. The review, the superseding of the one before it and the
 * {@code attestation.reviewed} audit event share one transaction.
 */
@Stateless
public class AttestationReviews {

    /** The roles that may review; everyone who may read an attestation may read its reviews. */
    public static final Set<Role> REVIEWERS = Set.of(Role.COMPLIANCE_OFFICER, Role.ADMIN);

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * Stores a review as the caller's current one for the attestation; {@code reviewerName} is shown
     * beside the caller's id. Refused (and nothing stored) for bad input, a caller who may not
     * review, another tenant's or an unknown id, an attestation still in progress, or accepting a
     * flagged verdict without a justification.
     */
    public ReviewView review(Caller caller, String reviewerName, UUID attestationId, String decision, String text) {
        if (caller.roles().stream().noneMatch(REVIEWERS::contains)) {
            throw Refusal.forbidden("Only compliance officers and administrators review.");
        }
        var read = ReviewInput.read(decision, text);
        if (read.input() == null) {
            throw Refusal.invalidInput(read.problems());
        }
        Attestation attestation = em.find(Attestation.class, attestationId, LockModeType.PESSIMISTIC_WRITE);
        if (attestation == null || !attestation.tenantId().equals(caller.tenantId())) {
            throw Refusal.notFound("No attestation " + attestationId + ".");
        }
        if (!attestation.status().isFinal()) {
            throw Refusal.of(
                    Kind.CONFLICT,
                    "attestation-not-final",
                    "Not final yet",
                    "Attestation " + attestationId + " is " + attestation.status() + "; review it once it is final.");
        }
        Instant now = clock.instant();
        var previous =
                currentRows(caller.tenantId(), List.of(attestationId)).stream().findFirst();
        var overturning = read.input()
                .problemsReplacing(previous.map(AttestationReview::decision).orElse(null));
        if (!overturning.isEmpty()) {
            throw Refusal.invalidInput(overturning);
        }
        // the partial unique index admits one current review: retire the old one before the insert
        previous.ifPresent(p -> p.supersede(now));
        em.flush();
        var review = new AttestationReview(
                caller.tenantId(),
                attestationId,
                read.input().decision(),
                read.input().justification(),
                caller.subject(),
                reviewerName,
                now);
        em.persist(review);
        em.flush();
        audit.record(AuditRecord.success("attestation.reviewed")
                .tenant(caller.tenantId())
                .actor(caller.subject(), reviewerName)
                .target("attestation", attestationId)
                .detail("decision", review.decision().name())
                .detail("justification", review.justification())
                .detail("status", attestation.status().name())
                .detail(
                        "verdict",
                        attestation.verdict() == null
                                ? null
                                : attestation.verdict().name())
                .detail(
                        "previousDecision",
                        previous.map(p -> p.decision().name()).orElse(null))
                .build());
        return ReviewView.of(review);
    }

    /** The attestation's current review, if it has one (and is the tenant's). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ReviewView> current(UUID tenantId, UUID attestationId) {
        return Optional.ofNullable(current(tenantId, List.of(attestationId)).get(attestationId));
    }

    /** The current reviews of these attestations, by attestation id; those without one are absent. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<UUID, ReviewView> current(UUID tenantId, Collection<UUID> attestationIds) {
        if (attestationIds.isEmpty()) {
            return Map.of();
        }
        return currentRows(tenantId, attestationIds).stream()
                .collect(Collectors.toMap(AttestationReview::attestationId, ReviewView::of));
    }

    /** Every review of the attestation, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ReviewView> history(UUID tenantId, UUID attestationId) {
        return em
                .createNamedQuery(AttestationReview.HISTORY, AttestationReview.class)
                .setParameter("tenant", tenantId)
                .setParameter("id", attestationId)
                .getResultList()
                .stream()
                .map(ReviewView::of)
                .toList();
    }

    private List<AttestationReview> currentRows(UUID tenantId, Collection<UUID> attestationIds) {
        return em.createNamedQuery(AttestationReview.CURRENT, AttestationReview.class)
                .setParameter("tenant", tenantId)
                .setParameter("ids", attestationIds)
                .getResultList();
    }
}
