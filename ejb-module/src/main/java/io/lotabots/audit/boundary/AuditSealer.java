package io.lotabots.audit.boundary;

import io.lotabots.audit.control.AuditChain;
import io.lotabots.audit.control.Checkpoint;
import io.lotabots.audit.entity.AuditCheckpoint;
import io.lotabots.audit.entity.AuditEvent;
import io.lotabots.audit.keys.CheckpointKeys;
import io.lotabots.platform.storage.ObjectStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chains unsealed events onto their tenant's chain, in the order they were inserted, and signs a
 * checkpoint of the new chain head, stored in the database and in S3
 * ({@code audit/checkpoints/<tenant>/<sequence>.jws}). The chain position is assigned here, not at
 * insert, so an event whose transaction commits late is simply sealed in a later run.
 */
@Stateless
public class AuditSealer {

    /** The cluster-wide lock: one sealer at a time, whichever server's timer fires. */
    static final long SEALER_LOCK = 0x4C4F_5441_5544_4954L;

    private static final HexFormat HEX = HexFormat.of();

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    CheckpointKeys keys;

    @Inject
    ObjectStore objectStore;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "lotabots.audit.seal-batch", defaultValue = "1000")
    int batchSize;

    public List<UUID> tenantsWithUnsealedEvents() {
        return em.createNamedQuery(AuditEvent.TENANTS_WITH_UNSEALED, UUID.class).getResultList();
    }

    /** Seals the next batch of a tenant's events with one checkpoint; returns how many were sealed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sealNextBatch(UUID tenantId) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(?1)) as locked")
                .setParameter(1, SEALER_LOCK)
                .getSingleResult();
        var events = em.createNamedQuery(AuditEvent.UNSEALED, AuditEvent.class)
                .setParameter("tenantId", tenantId)
                .setMaxResults(batchSize)
                .getResultList();
        if (events.isEmpty()) {
            return 0;
        }
        var previous = latestCheckpoint(tenantId);
        long sequence = previous.map(AuditCheckpoint::chainSequence).orElse(0L);
        byte[] hash = previous.map(AuditCheckpoint::chainHash).orElseGet(AuditChain::genesis);
        var now = clock.instant();
        for (AuditEvent event : events) {
            sequence++;
            hash = AuditChain.link(hash, ChainForm.bytes(event, sequence));
            event.seal(sequence, hash, now);
        }
        var checkpoint = new Checkpoint(
                tenantId.toString(),
                sequence,
                HEX.formatHex(hash),
                previous.map(p -> Checkpoint.referenceTo(p.jws())).orElse(null),
                now,
                sequence);
        String jws = keys.signer().sign(checkpoint);
        String key = objectKey(tenantId, sequence);
        objectStore.put(key, jws.getBytes(StandardCharsets.US_ASCII), "application/jose");
        em.persist(new AuditCheckpoint(tenantId, sequence, hash, jws, key, now));
        return events.size();
    }

    public int batchSize() {
        return batchSize;
    }

    Optional<AuditCheckpoint> latestCheckpoint(UUID tenantId) {
        return em.createNamedQuery(AuditCheckpoint.LATEST, AuditCheckpoint.class)
                .setParameter("tenantId", tenantId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** Zero-padded, so an S3 listing of a tenant's checkpoints is in chain order. */
    static String objectKey(UUID tenantId, long sequence) {
        return "audit/checkpoints/" + tenantId + "/" + String.format("%019d", sequence) + ".jws";
    }
}
