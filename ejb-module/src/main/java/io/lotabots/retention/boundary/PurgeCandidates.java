package io.lotabots.retention.boundary;

import io.lotabots.retention.control.DataClass;
import io.lotabots.retention.control.HeldObject;
import io.lotabots.retention.control.HoldClause;
import io.lotabots.retention.entity.HeldObjectType;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the purge removes next: a tenant's objects of one data class past their cutoff that no active hold
 * covers, oldest first; and how many past the cutoff a hold keeps.
 */
@Stateless
public class PurgeCandidates {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    /** The tenants with unheld objects of the class past the cutoff: the only ones a run need look at. */
    public List<UUID> tenantsWithWork(DataClass dataClass, Instant cutoff) {
        var from = From.of(dataClass);
        return em.createQuery(
                        "select distinct x.tenantId from " + from.entity + " x where " + from.time + " < :cutoff"
                                + from.live + " and not " + from.held(),
                        UUID.class)
                .setParameter("cutoff", cutoff)
                .getResultList();
    }

    /** Up to {@code limit} unheld objects past the cutoff, oldest first. */
    public List<HeldObject> unheld(UUID tenantId, DataClass dataClass, Instant cutoff, int limit) {
        var from = From.of(dataClass);
        return em.createQuery(
                        "select x.id, " + from.owner + " " + from.where() + " and not " + from.held() + " order by "
                                + from.time + ", x.id",
                        Object[].class)
                .setParameter("tenant", tenantId)
                .setParameter("cutoff", cutoff)
                .setMaxResults(limit)
                .getResultStream()
                .map(row -> new HeldObject(from.type, (UUID) row[0], (String) row[1]))
                .toList();
    }

    /** How many objects past the cutoff an active hold keeps. */
    public long held(UUID tenantId, DataClass dataClass, Instant cutoff) {
        var from = From.of(dataClass);
        return em.createQuery("select count(x) " + from.where() + " and " + from.held(), Long.class)
                .setParameter("tenant", tenantId)
                .setParameter("cutoff", cutoff)
                .getSingleResult();
    }

    /** Where a data class's objects are and which time their age is counted from. */
    private record From(String entity, String time, String live, String owner, HeldObjectType type) {

        static From of(DataClass dataClass) {
            return switch (dataClass) {
                case DOCUMENTS -> new From(
                        "Document", "x.updatedAt", " and x.deletedAt is null", "x.createdBy", HeldObjectType.DOCUMENT);
                case MODELS -> new From("Model", "x.createdAt", "", "x.createdBy", HeldObjectType.MODEL);
                case EVIDENCE -> new From(
                        "Attestation",
                        "x.completedAt",
                        " and x.evidencePurgedAt is null",
                        "x.submittedBy",
                        HeldObjectType.ATTESTATION);
                case REPORTS -> new From(
                        "Attestation",
                        "x.completedAt",
                        " and x.reportKey is not null and x.reportsPurgedAt is null",
                        "x.submittedBy",
                        HeldObjectType.ATTESTATION);
                    // no object hold names an export: its tenant's or its subject's hold keeps it
                case EXPORTS -> new From(
                        "SubjectRequest",
                        "x.completedAt",
                        " and x.type = io.lotabots.subjectrequest.entity.RequestType.EXPORT and x.resultKey is not null",
                        "x.subject",
                        null);
            };
        }

        String where() {
            return "from " + entity + " x where x.tenantId = :tenant and " + time + " < :cutoff" + live;
        }

        String held() {
            return type == null ? HoldClause.heldByTenantOrOwner("x", owner) : HoldClause.held("x", owner, type);
        }
    }
}
