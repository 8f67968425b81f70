package io.lotabots.retention.boundary;

import io.lotabots.retention.entity.RetentionRun;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The record of purge runs: one row and one audit event per tenant run, in one transaction. */
@Stateless
public class RetentionRecords {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    RetentionAudit audit;

    public PurgeRunView record(
            UUID runId, UUID tenantId, Instant started, Instant finished, Map<String, Integer> purged, int held) {
        var counts = jakarta.json.Json.createObjectBuilder();
        purged.forEach(counts::add);
        var run = new RetentionRun(runId, tenantId, started, finished, counts.build(), held);
        em.persist(run);
        em.flush();
        audit.purged(tenantId, runId, purged, held);
        return PurgeRunView.of(run);
    }

    /** The tenant's newest runs, newest first. */
    public List<PurgeRunView> latest(UUID tenantId, int limit) {
        return em.createQuery(
                        "select r from RetentionRun r where r.tenantId = :tenant order by r.startedAt desc, r.id desc",
                        RetentionRun.class)
                .setParameter("tenant", tenantId)
                .setMaxResults(limit)
                .getResultStream()
                .map(PurgeRunView::of)
                .toList();
    }
}
