package io.lotabots.attestation;

import io.lotabots.attestation.entity.Attestation;
import io.lotabots.attestation.entity.NewAttestation;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/** Runs inside the server: leaves attestation jobs in the states a crashed server would. */
@Stateless
public class AttestationJobFixtures {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    /**
     * A copy of an existing job (same tenant, pinned policy, nonce and evidence object) that a server
     * took up at {@code leasedAt} and never finished: PROCESSING, one attempt spent.
     */
    public UUID abandonedCopyOf(UUID original, Instant leasedAt) {
        return abandoned(original, leasedAt, null);
    }

    /** The same, but its evidence object does not exist: every attempt throws. */
    public UUID abandonedWithoutEvidence(UUID original, Instant leasedAt) {
        return abandoned(original, leasedAt, "attestations/missing/" + UUID.randomUUID() + ".json");
    }

    private UUID abandoned(UUID original, Instant leasedAt, String evidenceKey) {
        var source = em.find(Attestation.class, original);
        var spec = new NewAttestation(
                UUID.randomUUID(),
                source.tenantId(),
                source.type(),
                source.policyName(),
                source.policyVersion(),
                source.nonce(),
                source.nonceStatus(),
                source.deviceId(),
                source.submittedBy());
        var job = Attestation.pending(
                spec, evidenceKey == null ? source.evidenceKey() : evidenceKey, source.evidenceDigest(), leasedAt);
        job.claim(leasedAt);
        em.persist(job);
        return spec.id();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Attestation find(UUID id) {
        return em.find(Attestation.class, id);
    }
}
