package io.lotabots.attestation.boundary;

import io.lotabots.attestation.control.EvidenceArchive;
import io.lotabots.attestation.entity.Attestation;
import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.UUID;

/**
 * The retention purge of an attestation's stored documents: the evidence object, or every report object, is
 * deleted and the row marked, so the row stays as the attestation's tombstone (verdict, token, evidence digest)
 * and the audit events that name it still resolve. The S3 delete comes first: if the mark then fails, the next
 * run deletes again (nothing there) and marks.
 */
@Stateless
public class AttestationRetention {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    EvidenceArchive archive;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public void purgeEvidence(UUID tenantId, UUID id) {
        var job = confined(tenantId, id);
        archive.deleteEvidence(job);
        mark("evidence_purged_at", id);
        record("attestation.evidence-purged", job, 1);
    }

    public void purgeReports(UUID tenantId, UUID id) {
        var job = confined(tenantId, id);
        int removed = archive.deleteReports(job);
        mark("reports_purged_at", id);
        record("attestation.reports-purged", job, removed);
    }

    private Attestation confined(UUID tenantId, UUID id) {
        var job = em.find(Attestation.class, id);
        if (job == null || !job.tenantId().equals(tenantId)) {
            throw Refusal.notFound("No attestation " + id + ".");
        }
        return job;
    }

    private void mark(String column, UUID id) {
        em.createNativeQuery("update lotabots.attestation set " + column + " = ?1 where id = ?2")
                .setParameter(1, clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .setParameter(2, id)
                .executeUpdate();
    }

    private void record(String action, Attestation job, int objects) {
        audit.record(AuditRecord.success(action)
                .actor("system", "retention-purge")
                .tenant(job.tenantId())
                .target("attestation", job.id().toString())
                .detail("objects", objects)
                .build());
    }
}
