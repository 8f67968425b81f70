package io.lotabots.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Erases a data subject's personal values from the audit trail while keeping the events as evidence: each of
 * their format-2 parts gets the pseudonym in place of every value and loses its secret, in the caller's
 * transaction. The chain still verifies, since it covers only the keyed digests; format-1 events are left as
 * they are (docs/compliance.md).
 */
@Stateless
public class AuditPseudonymisation {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    /** Pseudonymises the subject's parts not erased yet; returns how many events that touched. Safe to repeat. */
    public int erase(UUID tenantId, String subject, String pseudonym, Instant at) {
        return ((Number) em.createNativeQuery(
                                "with erased as (update lotabots.audit_personal set personal ="
                                        + " (select jsonb_object_agg(v.key, to_jsonb(?3::text)) from jsonb_each(personal) v),"
                                        + " secret = null, erased_at = ?4, pseudonym = ?3 where tenant_id = ?1 and subject = ?2"
                                        + " and erased_at is null returning event_id) select count(distinct event_id) from erased")
                        .setParameter(1, tenantId)
                        .setParameter(2, subject)
                        .setParameter(3, pseudonym)
                        .setParameter(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .getSingleResult())
                .intValue();
    }

    /** Events naming the subject as actor or target written in format 1, which keep their values (docs/compliance.md). */
    public long formatOneEventsOf(UUID tenantId, String subject) {
        return count(
                "select count(*) from lotabots.audit_event where tenant_id = ?1 and format = 1"
                        + " and (actor = ?2 or target_id = ?2)",
                tenantId,
                subject);
    }

    /** Events naming the subject as actor or target, in any format: the evidence kept about them. */
    public long eventsOf(UUID tenantId, String subject) {
        return count(
                "select count(*) from lotabots.audit_event where tenant_id = ?1 and (actor = ?2 or target_id = ?2)",
                tenantId,
                subject);
    }

    private long count(String sql, UUID tenantId, String subject) {
        return ((Number) em.createNativeQuery(sql)
                        .setParameter(1, tenantId)
                        .setParameter(2, subject)
                        .getSingleResult())
                .longValue();
    }
}
