package io.lotabots.audit.boundary;

import io.lotabots.audit.control.CheckpointCopyCheck;
import io.lotabots.audit.control.CopyFinding;
import io.lotabots.audit.entity.AuditCheckpoint;
import io.lotabots.audit.keys.CheckpointKeys;
import io.lotabots.platform.storage.ObjectStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Compares a tenant's newest signed checkpoint copy in S3 with the database's latest checkpoint, so that
 * deleting the newest events together with their checkpoint rows does not go unnoticed.
 */
@Stateless
public class CheckpointCopies {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    ObjectStore objectStore;

    @Inject
    CheckpointKeys keys;

    /**
     * The finding, if the copies disagree. Holds the sealer off (a shared hold on its lock) for one S3
     * listing and read: a sealer writes the copy before its row commits, and would otherwise look like
     * a rollback.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<CopyFinding> compare(UUID tenantId) {
        var publicKey = keys.publicKey();
        if (publicKey.isEmpty()) {
            return Optional.empty(); // nothing was ever sealed on this installation
        }
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock_shared(?1)) as held")
                .setParameter(1, AuditSealer.SEALER_LOCK)
                .getSingleResult();
        var head = em.createNamedQuery(AuditCheckpoint.LATEST, AuditCheckpoint.class)
                .setParameter("tenantId", tenantId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(row -> new CheckpointCopyCheck.Head(row.chainSequence(), row.chainHash()));
        String prefix = "audit/checkpoints/" + tenantId + "/";
        // from the head's own copy on: everything older is covered by the chain the head signs
        String startAfter =
                head.map(h -> AuditSealer.objectKey(tenantId, h.sequence() - 1)).orElse(null);
        var newest = objectStore
                .lastKey(prefix, startAfter)
                .map(key ->
                        new CheckpointCopyCheck.Copy(key, new String(objectStore.get(key), StandardCharsets.US_ASCII)));
        try {
            return CheckpointCopyCheck.compare(
                    tenantId.toString(), head, newest, publicKey.get().toECPublicKey());
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("the checkpoint key is not an EC public key", e);
        }
    }
}
