package io.lotabots.attestation;

import io.lotabots.attestation.boundary.AttestationWork;
import io.lotabots.attestation.entity.Attestation;
import io.lotabots.attestation.entity.NewAttestation;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /**
     * PostgreSQL's plan for the job claim of {@code id} (not executed), with the table's statistics
     * taken first: most jobs final, as in a server that has been running, where autovacuum analyzes.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String claimPlan(UUID id) {
        em.createNativeQuery("analyze lotabots.attestation").executeUpdate();
        // the test database is small enough to be read whole; the plan of a table of any size is wanted
        em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
        em.createNativeQuery("set local enable_bitmapscan = off").executeUpdate();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        return ((java.util.List<?>) em.createNativeQuery("explain " + AttestationWork.CLAIM)
                        .setParameter(1, now)
                        .setParameter(2, id)
                        .setParameter(3, 3)
                        .setParameter(4, now.minusMinutes(2))
                        .getResultList())
                .stream().map(String::valueOf).collect(Collectors.joining("\n"));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Attestation find(UUID id) {
        return em.find(Attestation.class, id);
    }
}
