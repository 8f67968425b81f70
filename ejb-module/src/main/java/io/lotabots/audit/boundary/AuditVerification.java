package io.lotabots.audit.boundary;

import io.lotabots.audit.control.ChainLink;
import io.lotabots.audit.control.TrailVerifier;
import io.lotabots.audit.entity.AuditCheckpoint;
import io.lotabots.audit.entity.AuditEvent;
import io.lotabots.audit.keys.CheckpointKeys;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.UUID;

/**
 * Recomputes a tenant's chain over its sealed events, one page at a time, and checks it against the
 * latest signed checkpoint. Unsealed events are not part of the chain yet and are not checked.
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

    public VerificationReport verify(UUID tenantId) {
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
        while (more) {
            var page = em.createNamedQuery(AuditEvent.SEALED_AFTER, AuditEvent.class)
                    .setParameter("tenantId", tenantId)
                    .setParameter("after", after)
                    .setMaxResults(PAGE)
                    .getResultList();
            for (AuditEvent event : page) {
                long sequence = event.chainSequence();
                if (!trail.accept(new ChainLink(sequence, event.chainHash(), ChainForm.bytes(event, sequence)))) {
                    more = false;
                    break;
                }
                after = sequence;
            }
            more = more && page.size() == PAGE;
            em.clear();
        }
        var result = trail.result();
        var status = checkpoint.map(SignedCheckpoint::status).orElse(null);
        var now = clock.instant();
        if (result.intact() && checkpoint.isPresent() && !checkpoint.get().valid()) {
            return new VerificationReport(
                    false,
                    result.linksChecked(),
                    checkpoint.get().row().chainSequence(),
                    checkpoint.get().problem(),
                    status,
                    now);
        }
        return new VerificationReport(
                result.intact(),
                result.linksChecked(),
                result.firstBrokenSequence().isPresent()
                        ? result.firstBrokenSequence().getAsLong()
                        : null,
                result.reason(),
                status,
                now);
    }
}
