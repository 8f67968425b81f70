package io.lotabots.subjectrequest.control;

import io.lotabots.document.control.DocumentCache;
import io.lotabots.platform.storage.ObjectStore;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * What each erasure step does to the stores other than the model service's (which {@code Models.delete}
 * erases with its own quota and audit): every statement names the tenant, and each step can run again.
 */
@Dependent
public class ErasureSteps {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    ObjectStore objects;

    @Inject
    DocumentCache documentCache;

    /** Deletes the archives of the subject's earlier exports; deleting an object also drops its data key. */
    public int exports(UUID tenantId, String subject) {
        List<String> keys = strings(
                "select result_key from lotabots.subject_request where tenant_id = ?1 and subject = ?2"
                        + " and result_key is not null",
                tenantId,
                subject);
        keys.forEach(objects::delete);
        update(
                "update lotabots.subject_request set result_key = null where tenant_id = ?1 and subject = ?2",
                tenantId,
                subject);
        return keys.size();
    }

    /** Deletes every version of the subject's own documents; returns how many documents went. */
    public int documents(UUID tenantId, String subject, String pseudonym) {
        List<String> ids = strings(
                "select id::text from lotabots.documents where tenant_id = ?1 and created_by = ?2", tenantId, subject);
        for (String id : ids) {
            objects.deletePrefix("documents/" + tenantId + "/" + id + "/");
        }
        update(
                "delete from lotabots.document_uploads u using lotabots.documents d where d.id = u.document_id"
                        + " and d.tenant_id = ?1 and d.created_by = ?2",
                tenantId,
                subject);
        update("delete from lotabots.documents where tenant_id = ?1 and created_by = ?2", tenantId, subject);
        em.createNativeQuery("update lotabots.document_versions v set created_by_name = ?3 from lotabots.documents d"
                        + " where d.id = v.document_id and d.tenant_id = ?1 and v.created_by = ?2")
                .setParameter(1, tenantId)
                .setParameter(2, subject)
                .setParameter(3, pseudonym)
                .executeUpdate();
        ids.forEach(id -> documentCache.changed(tenantId, UUID.fromString(id)));
        return ids.size();
    }

    /** The ids of the subject's models, for {@code Models.delete}. */
    public List<UUID> models(UUID tenantId, String subject) {
        return strings(
                        "select id::text from lotabots.models where tenant_id = ?1 and created_by = ?2",
                        tenantId,
                        subject)
                .stream()
                .map(UUID::fromString)
                .toList();
    }

    /** Deletes the subject's consent history and state; returns how many records went. */
    public int consents(UUID tenantId, String subject, String pseudonym) {
        update("delete from lotabots.consent_state where tenant_id = ?1 and subject = ?2", tenantId, subject);
        int records =
                update("delete from lotabots.consent_record where tenant_id = ?1 and subject = ?2", tenantId, subject);
        em.createNativeQuery("update lotabots.consent_record set actor_name = ?3 where tenant_id = ?1 and actor = ?2")
                .setParameter(1, tenantId)
                .setParameter(2, subject)
                .setParameter(3, pseudonym)
                .executeUpdate();
        return records;
    }

    /** Reviews the subject wrote keep the reviewer's id but lose their name; returns how many attestations they submitted. */
    public int attestations(UUID tenantId, String subject, String pseudonym) {
        em.createNativeQuery("update lotabots.attestation_review set reviewer_name = ?3 where tenant_id = ?1"
                        + " and reviewer::text = ?2")
                .setParameter(1, tenantId)
                .setParameter(2, subject)
                .setParameter(3, pseudonym)
                .executeUpdate();
        return ((Number) em.createNativeQuery(
                                "select count(*) from lotabots.attestation where tenant_id = ?1 and submitted_by = ?2")
                        .setParameter(1, tenantId)
                        .setParameter(2, subject)
                        .getSingleResult())
                .intValue();
    }

    /** Anonymises the account in place (sessions and API keys point to it); returns 1 when there was one. */
    public int account(UUID tenantId, String subject, String pseudonym) {
        update(
                "delete from lotabots.user_role r using lotabots.user_account u where u.id = r.user_id"
                        + " and u.tenant_id = ?1 and u.id::text = ?2",
                tenantId,
                subject);
        return em.createNativeQuery("update lotabots.user_account set username = ?3, password_hash = '!erased',"
                        + " enabled = false, last_login_at = null, version = version + 1"
                        + " where tenant_id = ?1 and id::text = ?2")
                .setParameter(1, tenantId)
                .setParameter(2, subject)
                .setParameter(3, pseudonym)
                .executeUpdate();
    }

    /** Their name on other requests of the tenant. */
    public int requests(UUID tenantId, String subject, String pseudonym) {
        return em.createNativeQuery(
                        "update lotabots.subject_request set requested_by_name = case when requested_by = ?2"
                                + " then ?3 else requested_by_name end, decided_by_name = case when decided_by"
                                + " = ?2 then ?3 else decided_by_name end where tenant_id = ?1"
                                + " and (requested_by = ?2 or decided_by = ?2)")
                .setParameter(1, tenantId)
                .setParameter(2, subject)
                .setParameter(3, pseudonym)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql, UUID tenantId, String subject) {
        return em.createNativeQuery(sql)
                .setParameter(1, tenantId)
                .setParameter(2, subject)
                .getResultList();
    }

    private int update(String sql, UUID tenantId, String subject) {
        return em.createNativeQuery(sql)
                .setParameter(1, tenantId)
                .setParameter(2, subject)
                .executeUpdate();
    }
}
