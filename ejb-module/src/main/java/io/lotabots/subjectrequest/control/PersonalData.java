package io.lotabots.subjectrequest.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every piece of a subject's personal data in their tenant, read category by category as JSON that
 * PostgreSQL builds from the rows (secrets and storage keys left out), and the stored files that belong to
 * them. A subject is a user id of the tenant, or a consent subject's own id; every query names the tenant.
 */
@Dependent
public class PersonalData {

    /** Documents the subject created, or of which they wrote a version. */
    static final String THEIR_DOCUMENTS = "d.tenant_id = ?1 and (d.created_by = ?2 or exists (select 1 from"
            + " lotabots.document_versions w where w.document_id = d.id and w.created_by = ?2))";

    /** Category name → query of one JSON array (parameters: tenant, subject). */
    static final Map<String, String> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put(
                "profile",
                "select coalesce(jsonb_agg(to_jsonb(u) - 'password_hash' || jsonb_build_object('roles', (select"
                        + " coalesce(jsonb_agg(r.role order by r.role), '[]') from lotabots.user_role r where r.user_id"
                        + " = u.id))), '[]')::text from lotabots.user_account u where u.tenant_id = ?1 and u.id::text = ?2");
        CATEGORIES.put(
                "consents",
                "select coalesce(jsonb_agg(to_jsonb(c) order by c.recorded_at, c.id), '[]')::text"
                        + " from lotabots.consent_record c where c.tenant_id = ?1 and c.subject = ?2");
        CATEGORIES.put(
                "consent-states",
                "select coalesce(jsonb_agg(to_jsonb(s) order by s.changed_at), '[]')::text"
                        + " from lotabots.consent_state s where s.tenant_id = ?1 and s.subject = ?2");
        CATEGORIES.put(
                "documents",
                "select coalesce(jsonb_agg(to_jsonb(d) || jsonb_build_object('versions', (select coalesce(jsonb_agg("
                        + "to_jsonb(v) - 'object_key' order by v.number), '[]') from lotabots.document_versions v where"
                        + " v.document_id = d.id)) order by d.created_at, d.id), '[]')::text from lotabots.documents d"
                        + " where " + THEIR_DOCUMENTS);
        CATEGORIES.put(
                "models",
                "select coalesce(jsonb_agg(to_jsonb(m) || jsonb_build_object('files', (select coalesce(jsonb_agg("
                        + "to_jsonb(f) - 'object_key' order by f.ordinal), '[]') from lotabots.model_files f where"
                        + " f.model_id = m.id)) order by m.created_at, m.id), '[]')::text from lotabots.models m"
                        + " where m.tenant_id = ?1 and m.created_by = ?2");
        CATEGORIES.put(
                "attestations",
                "select coalesce(jsonb_agg(to_jsonb(a) - 'evidence_key' - 'report_key' order by a.submitted_at, a.id),"
                        + " '[]')::text from lotabots.attestation a where a.tenant_id = ?1 and a.submitted_by = ?2");
        CATEGORIES.put(
                "api-keys",
                "select coalesce(jsonb_agg(to_jsonb(k) - 'key_hash' order by k.created_at, k.id), '[]')::text"
                        + " from lotabots.api_key k where k.tenant_id = ?1 and k.created_by::text = ?2");
        CATEGORIES.put(
                "audit-events",
                "select coalesce(jsonb_agg(jsonb_build_object('eventId', e.event_id, 'actor', e.actor, 'actorName',"
                        + " e.actor_name, 'action', e.action, 'targetType', e.target_type, 'targetId', e.target_id,"
                        + " 'outcome', e.outcome, 'sourceIp', e.source_ip, 'userAgent', e.user_agent, 'occurredAt',"
                        + " e.occurred_at, 'details', e.details) order by e.id), '[]')::text from lotabots.audit_event_readable e"
                        + " where e.tenant_id = ?1 and (e.actor = ?2 or e.target_id = ?2)");
        CATEGORIES.put(
                "subject-requests",
                "select coalesce(jsonb_agg(to_jsonb(q) - 'result_key' - 'certificate' order by q.received_at), '[]')::text"
                        + " from lotabots.subject_request q where q.tenant_id = ?1 and q.subject = ?2");
    }

    /** A stored file of the subject's: where it is in S3 and where it goes in the archive. */
    public record StoredFile(String objectKey, String archivePath) {}

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    public List<String> categories() {
        return List.copyOf(CATEGORIES.keySet());
    }

    /** The category's rows as one JSON array. */
    public String category(UUID tenantId, String subject, String name) {
        return (String) em.createNativeQuery(CATEGORIES.get(name))
                .setParameter(1, tenantId)
                .setParameter(2, subject)
                .getSingleResult();
    }

    /** Every stored file of the subject's: each version of their live documents, their models' files, evidence. */
    public List<StoredFile> files(UUID tenantId, String subject) {
        var files = new ArrayList<StoredFile>();
        for (Object[] row : rows(
                "select d.id::text, v.number::text, v.object_key, v.file_name from lotabots.documents d join"
                        + " lotabots.document_versions v on v.document_id = d.id where d.deleted_at is null and "
                        + THEIR_DOCUMENTS + " order by d.id, v.number",
                tenantId,
                subject)) {
            files.add(new StoredFile(
                    (String) row[2],
                    "files/documents/" + row[0] + "/v" + row[1] + "-" + ExportArchive.safeName((String) row[3])));
        }
        for (Object[] row : rows(
                "select m.id::text, f.ordinal::text, f.object_key, f.path from lotabots.models m join"
                        + " lotabots.model_files f on f.model_id = m.id where m.tenant_id = ?1 and m.created_by = ?2"
                        + " and not f.symlink order by m.id, f.ordinal",
                tenantId,
                subject)) {
            files.add(new StoredFile(
                    (String) row[2],
                    "files/models/" + row[0] + "/" + row[1] + "-" + ExportArchive.safeName((String) row[3])));
        }
        for (Object[] row : rows(
                "select a.id::text, a.evidence_key from lotabots.attestation a where a.tenant_id = ?1"
                        + " and a.submitted_by = ?2 order by a.id",
                tenantId,
                subject)) {
            files.add(new StoredFile((String) row[1], "files/attestations/" + row[0] + "/evidence.json"));
        }
        return files;
    }

    /** Whether the tenant knows the subject at all: a user of the tenant, or someone with consent records. */
    public boolean known(UUID tenantId, String subject) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from lotabots.user_account u where u.tenant_id"
                        + " = ?1 and u.id::text = ?2) or exists (select 1 from lotabots.consent_record c where"
                        + " c.tenant_id = ?1 and c.subject = ?2)")
                .setParameter(1, tenantId)
                .setParameter(2, subject)
                .getSingleResult();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, UUID tenantId, String subject) {
        return em.createNativeQuery(sql)
                .setParameter(1, tenantId)
                .setParameter(2, subject)
                .getResultList();
    }
}
