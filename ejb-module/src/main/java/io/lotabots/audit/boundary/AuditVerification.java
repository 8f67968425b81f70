package io.lotabots.audit.boundary;

import io.lotabots.audit.control.ChainLink;
import io.lotabots.audit.control.PersonalValues;
import io.lotabots.audit.control.PersonalValues.Party;
import io.lotabots.audit.control.PseudonymisedEvent;
import io.lotabots.audit.control.TrailVerifier;
import io.lotabots.audit.entity.AuditCheckpoint;
import io.lotabots.audit.entity.AuditEvent;
import io.lotabots.audit.entity.AuditPersonal;
import io.lotabots.audit.keys.CheckpointKeys;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Recomputes a tenant's chain over its sealed events, one page at a time, and checks it against the
 * latest signed checkpoint, and that checkpoint against the signed copies in S3 ({@link
 * CheckpointCopies}), which a rollback of the database's end does not reach. Unsealed events are not
 * part of the chain yet and are not checked. A format-2 event's personal values are held against the keyed
 * digests its link covers: changed or missing values break the trail, values erased by an erasure do not.
 */
@Stateless
public class AuditVerification {

    static final int PAGE = 500;

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    CheckpointKeys keys;

    @Inject
    Clock clock;

    @EJB
    CheckpointCopies copies;

    @Inject
    AuditMetrics metrics;

    /** The tenant's newest signed checkpoint: how far the chain is sealed and when; empty before the first. */
    public record LastCheckpoint(long sequence, Instant createdAt, String objectKey) {}

    public Optional<LastCheckpoint> lastCheckpoint(UUID tenantId) {
        return em.createNamedQuery(AuditCheckpoint.LATEST, AuditCheckpoint.class)
                .setParameter("tenantId", tenantId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(row -> new LastCheckpoint(row.chainSequence(), row.createdAt(), row.objectKey()));
    }

    public VerificationReport verify(UUID tenantId) {
        var report = recompute(tenantId);
        metrics.verified(report.intact());
        return report;
    }

    private Map<AuditPersonal.Key, AuditPersonal> personalParts(List<AuditEvent> page) {
        var ids = page.stream()
                .filter(e -> e.format() == PseudonymisedEvent.FORMAT)
                .map(AuditEvent::eventId)
                .toList();
        var parts = new HashMap<AuditPersonal.Key, AuditPersonal>();
        if (!ids.isEmpty()) {
            em.createNamedQuery(AuditPersonal.OF_EVENTS, AuditPersonal.class)
                    .setParameter("eventIds", ids)
                    .getResultStream()
                    .forEach(p -> parts.put(new AuditPersonal.Key(p.eventId(), p.party()), p));
        }
        return parts;
    }

    private static Optional<VerificationReport.Finding> personalProblem(
            AuditEvent event, Map<AuditPersonal.Key, AuditPersonal> parts) {
        if (event.format() != PseudonymisedEvent.FORMAT) {
            return Optional.empty();
        }
        for (Party party : Party.values()) {
            byte[] digest = party == Party.ACTOR ? event.actorDigest() : event.targetDigest();
            var stored = Optional.ofNullable(parts.get(new AuditPersonal.Key(event.eventId(), party)))
                    .map(AuditPersonal::stored);
            var problem = PersonalValues.problem(party, digest, stored);
            if (problem.isPresent()) {
                return Optional.of(new VerificationReport.Finding(
                        "PERSONAL_VALUES",
                        event.chainSequence(),
                        null,
                        "event " + event.chainSequence() + ": " + problem.get()));
            }
        }
        return Optional.empty();
    }

    private VerificationReport recompute(UUID tenantId) {
        List<VerificationReport.Finding> findings = copies.compare(tenantId)
                .map(f -> List.of(
                        new VerificationReport.Finding(f.kind().name(), f.sequence(), f.objectKey(), f.detail())))
                .orElse(List.of());
        // read before the events, so the chain read afterwards reaches at least this far
        var checkpoint = em.createNamedQuery(AuditCheckpoint.LATEST, AuditCheckpoint.class)
                .setParameter("tenantId", tenantId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(row -> SignedCheckpoint.check(row, tenantId, keys.publicKey()));
        var trail = new TrailVerifier(checkpoint.map(SignedCheckpoint::attested));
        long after = 0;
        boolean more = true;
        Optional<VerificationReport.Finding> personal = Optional.empty();
        while (more) {
            var page = em.createNamedQuery(AuditEvent.SEALED_AFTER, AuditEvent.class)
                    .setParameter("tenantId", tenantId)
                    .setParameter("after", after)
                    .setMaxResults(PAGE)
                    .getResultList();
            var parts = personalParts(page);
            for (AuditEvent event : page) {
                long sequence = event.chainSequence();
                if (!trail.accept(new ChainLink(sequence, event.chainHash(), ChainForm.bytes(event, sequence)))) {
                    more = false;
                    break;
                }
                // the walk goes on: the signed head is only held against a chain read to its end
                if (personal.isEmpty()) {
                    personal = personalProblem(event, parts);
                }
                after = sequence;
            }
            more = more && page.size() == PAGE;
            em.clear();
        }
        var result = trail.result();
        if (personal.isPresent()
                && (result.intact()
                        || personal.get().sequence()
                                < result.firstBrokenSequence().orElse(Long.MAX_VALUE))) {
            var problem = personal.get();
            return new VerificationReport(
                    false,
                    result.linksChecked(),
                    problem.sequence(),
                    problem.detail(),
                    checkpoint.map(SignedCheckpoint::status).orElse(null),
                    clock.instant(),
                    findings);
        }
        var status = checkpoint.map(SignedCheckpoint::status).orElse(null);
        var now = clock.instant();
        if (result.intact() && checkpoint.isPresent() && !checkpoint.get().valid()) {
            return new VerificationReport(
                    false,
                    result.linksChecked(),
                    checkpoint.get().row().chainSequence(),
                    checkpoint.get().problem(),
                    status,
                    now,
                    findings);
        }
        if (result.intact() && !findings.isEmpty()) {
            var first = findings.get(0);
            return new VerificationReport(
                    false, result.linksChecked(), first.sequence(), first.detail(), status, now, findings);
        }
        return new VerificationReport(
                result.intact(),
                result.linksChecked(),
                result.firstBrokenSequence().isPresent()
                        ? result.firstBrokenSequence().getAsLong()
                        : null,
                result.reason(),
                status,
                now,
                findings);
    }
}
