package io.lotabots.consent.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The current answer per subject and purpose. A change writes it with one upsert that keeps the newest change
 * by time, so parallel changes of one subject's consent leave the state of the latest, whatever commits last.
 */
@Dependent
class ConsentStates {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    void apply(
            UUID tenantId,
            String subject,
            UUID purposeId,
            boolean granted,
            int policyVersion,
            UUID recordId,
            Instant at) {
        em.createNativeQuery(
                        """
                        insert into lotabots.consent_state
                            (tenant_id, subject, purpose_id, granted, policy_version, record_id, changed_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (tenant_id, subject, purpose_id) do update
                            set granted = excluded.granted, policy_version = excluded.policy_version,
                                record_id = excluded.record_id, changed_at = excluded.changed_at
                            where consent_state.changed_at <= excluded.changed_at
                        """)
                .setParameter(1, tenantId)
                .setParameter(2, subject)
                .setParameter(3, purposeId)
                .setParameter(4, granted)
                .setParameter(5, policyVersion)
                .setParameter(6, recordId)
                .setParameter(7, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate();
    }

    /** The purposes the subject has granted now (a subject answers for a handful of purposes). */
    Set<UUID> granted(UUID tenantId, String subject) {
        var rows = em.createNativeQuery(
                        "select purpose_id from lotabots.consent_state where tenant_id = ?1 and subject = ?2 and granted")
                .setParameter(1, tenantId)
                .setParameter(2, subject)
                .getResultList();
        var granted = new HashSet<UUID>();
        for (Object row : rows) {
            granted.add(row instanceof UUID id ? id : UUID.fromString(row.toString()));
        }
        return granted;
    }
}
