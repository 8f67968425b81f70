package io.lotabots.document.boundary;

import io.lotabots.document.entity.Document;
import io.lotabots.document.entity.DocumentVersion;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.platform.storage.StoredObject;
import io.lotabots.retention.control.HoldClause;
import io.lotabots.retention.entity.HeldObjectType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The database side of documents: each change in one short transaction with its audit event, after the
 * content it records is stored. Version checks lock the row, so of two changes based on one ETag exactly one
 * commits and the other gets 412.
 */
@Stateless
public class DocumentRecords {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    DocumentAudit audit;

    @Inject
    Clock clock;

    /** Notes an upload in flight before its first byte is stored, for the sweeper should its server die. */
    public void beginUpload(String key, UUID tenantId, UUID documentId, boolean newDocument) {
        em.createNativeQuery("insert into lotabots.document_uploads (object_key, tenant_id, document_id, new_document,"
                        + " started_at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, key)
                .setParameter(2, tenantId)
                .setParameter(3, documentId)
                .setParameter(4, newDocument)
                .setParameter(5, Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    /** The upload's objects are recorded or removed: nothing for the sweeper. */
    public void endUpload(String key) {
        em.createNativeQuery("delete from lotabots.document_uploads where object_key = ?1")
                .setParameter(1, key)
                .executeUpdate();
    }

    /** Records a new document whose first version's content is stored under {@code key}. */
    public DocumentView create(
            Caller caller,
            UUID id,
            StoredObject stored,
            String sha256,
            String contentType,
            String fileName,
            DocumentMetadata metadata) {
        var first = version(caller, id, 1, stored, sha256, contentType, fileName);
        var document = new Document(
                id, caller.tenantId(), first, metadata.title(), metadata.tagArray(), metadata.attributes());
        em.persist(document);
        em.persist(first);
        endUpload(stored.key());
        em.flush();
        var view = DocumentView.of(document);
        audit.created(caller, view);
        return view;
    }

    /** The next object key number of a live document of the caller's tenant (never handed out twice). */
    public int allocateKeyNumber(Caller caller, UUID id) {
        var numbers = em.createNativeQuery("update lotabots.documents set last_key_number = last_key_number + 1"
                        + " where id = ?1 and tenant_id = ?2 and deleted_at is null returning last_key_number")
                .setParameter(1, id)
                .setParameter(2, caller.tenantId())
                .getResultList();
        if (numbers.isEmpty()) {
            throw DocumentRefusals.notFound();
        }
        return ((Number) numbers.get(0)).intValue();
    }

    /** Makes the stored content the document's next version, if the document is still at {@code expected}. */
    public DocumentView addVersion(
            Caller caller,
            UUID id,
            long expected,
            StoredObject stored,
            String sha256,
            String contentType,
            String fileName) {
        var document = locked(caller, id, expected);
        var next = version(caller, id, document.currentVersion() + 1, stored, sha256, contentType, fileName);
        em.persist(next);
        document.becomeCurrent(next);
        endUpload(stored.key());
        em.flush();
        var view = DocumentView.of(document);
        audit.versionAdded(caller, view);
        return view;
    }

    /** Replaces the metadata, if the document is still at {@code expected}. */
    public DocumentView describe(Caller caller, UUID id, long expected, DocumentMetadata metadata) {
        var document = locked(caller, id, expected);
        document.describe(metadata.title(), metadata.tagArray(), metadata.attributes(), clock.instant());
        em.flush();
        var view = DocumentView.of(document);
        audit.metadataChanged(caller, view);
        return view;
    }

    /** Marks the document deleted (it is purged after the retention period); {@code expected} may be null. */
    public DocumentView delete(Caller caller, UUID id, Long expected) {
        var document = expected == null ? lockedAny(caller, id) : locked(caller, id, expected);
        document.markDeleted(clock.instant());
        em.flush();
        var view = DocumentView.of(document);
        audit.deleted(caller, view);
        return view;
    }

    /** Whether a version with this object key was recorded (a commit that failed may have committed after all). */
    public boolean objectRecorded(String key) {
        return !em.createQuery("select v.number from DocumentVersion v where v.objectKey = :key")
                .setParameter("key", key)
                .getResultList()
                .isEmpty();
    }

    /** Audits a content read, in a transaction of its own. */
    public void auditRead(Caller caller, UUID id, DocumentContent content, String range) {
        audit.contentRead(caller, id, content, range);
    }

    public DocumentView find(UUID tenantId, UUID id) {
        return DocumentView.of(live(tenantId, id));
    }

    public java.util.Optional<DocumentView> findIfLive(UUID tenantId, UUID id) {
        var rows = em.createQuery(
                        "select d from Document d where d.id = :id and d.tenantId = :tenant and d.deletedAt is null",
                        Document.class)
                .setParameter("id", id)
                .setParameter("tenant", tenantId)
                .getResultList();
        return rows.stream().findFirst().map(DocumentView::of);
    }

    public List<DocumentVersionView> versions(UUID tenantId, UUID id) {
        live(tenantId, id);
        return em
                .createQuery(
                        "select v from DocumentVersion v where v.documentId = :id order by v.number desc",
                        DocumentVersion.class)
                .setParameter("id", id)
                .getResultList()
                .stream()
                .map(DocumentVersionView::of)
                .toList();
    }

    /** Where a version's content is: {@code number} null for the current one. */
    public DocumentContent content(UUID tenantId, UUID id, Integer number) {
        var document = live(tenantId, id);
        int wanted = number == null ? document.currentVersion() : number;
        var version = em.find(DocumentVersion.class, new DocumentVersion.Key(id, wanted));
        if (version == null) {
            throw DocumentRefusals.versionNotFound(wanted);
        }
        return new DocumentContent(
                version.objectKey(),
                version.number(),
                version.contentType(),
                version.fileName(),
                version.size(),
                version.sha256());
    }

    /** Up to {@code limit} rows of the query's page, in its order. */
    @SuppressWarnings("unchecked")
    public List<DocumentView> page(UUID tenantId, DocumentQuery q, DocumentPosition after, int limit) {
        var sql = new StringBuilder("select * from lotabots.documents where tenant_id = ?1 and deleted_at is null");
        var parameters = new java.util.ArrayList<Object>();
        parameters.add(tenantId);
        if (q.tag() != null) {
            parameters.add(io.lotabots.platform.json.Json.createArrayBuilder()
                    .add(q.tag())
                    .build()
                    .toString());
            sql.append(" and tags @> cast(?").append(parameters.size()).append(" as jsonb)");
        }
        if (q.attributes() != null) {
            parameters.add(q.attributes().toString());
            sql.append(" and attributes @> cast(?").append(parameters.size()).append(" as jsonb)");
        }
        if (q.createdFrom() != null) {
            parameters.add(Timestamp.from(q.createdFrom()));
            sql.append(" and created_at >= ?").append(parameters.size());
        }
        if (q.createdBefore() != null) {
            parameters.add(Timestamp.from(q.createdBefore()));
            sql.append(" and created_at < ?").append(parameters.size());
        }
        if (q.titlePrefix() != null) {
            parameters.add(likePrefix(q.titlePrefix()));
            sql.append(" and title like ?").append(parameters.size()).append(" escape '\\'");
        }
        after.appendCondition(q.sort(), sql, parameters);
        sql.append(
                switch (q.sort()) {
                    case NEWEST -> " order by created_at desc, id desc";
                    case OLDEST -> " order by created_at, id";
                    case TITLE -> " order by title, id";
                });
        parameters.add(limit);
        sql.append(" limit ?").append(parameters.size());
        var query = em.createNativeQuery(sql.toString(), Document.class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return ((List<Document>) query.getResultList())
                .stream().map(DocumentView::of).toList();
    }

    /** Documents deleted before {@code cutoff} that no legal hold covers, oldest first: what the purge removes next. */
    public List<Document> deletedBefore(Instant cutoff, int limit) {
        return em.createQuery(
                        "select d from Document d where d.deletedAt is not null and d.deletedAt < :cutoff and not "
                                + HoldClause.held("d", "d.createdBy", HeldObjectType.DOCUMENT)
                                + " order by d.deletedAt",
                        Document.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Removes a purged document's rows (its versions by cascade) once its objects are gone. */
    public void purge(UUID id) {
        em.createNativeQuery("delete from lotabots.documents where id = ?1 and deleted_at is not null")
                .setParameter(1, id)
                .executeUpdate();
    }

    /** The upload failed and its objects could not be removed now: the sweeper's next run removes them. */
    public void uploadFailed(String key) {
        em.createNativeQuery("update lotabots.document_uploads set failed_at = ?2 where object_key = ?1")
                .setParameter(1, key)
                .setParameter(2, Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    /** Uploads in flight since before {@code cutoff} (abandoned by a server that died) or whose clean-up failed. */
    @SuppressWarnings("unchecked")
    public List<Object[]> abandonedUploads(Instant cutoff) {
        return em.createNativeQuery("select object_key, cast(tenant_id as varchar), cast(document_id as varchar),"
                        + " new_document from lotabots.document_uploads where started_at < ?1 or failed_at is not null order by started_at"
                        + " limit 100")
                .setParameter(1, Timestamp.from(cutoff))
                .getResultList();
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private DocumentVersion version(
            Caller caller,
            UUID id,
            int number,
            StoredObject stored,
            String sha256,
            String contentType,
            String fileName) {
        return new DocumentVersion(
                id,
                number,
                stored.key(),
                contentType,
                fileName,
                stored.size(),
                sha256,
                caller.subject(),
                caller.name(),
                clock.instant());
    }

    private Document live(UUID tenantId, UUID id) {
        var document = em.find(Document.class, id);
        if (document == null || !document.tenantId().equals(tenantId) || document.deletedAt() != null) {
            throw DocumentRefusals.notFound();
        }
        return document;
    }

    private Document lockedAny(Caller caller, UUID id) {
        var document = em.find(Document.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (document == null || !document.tenantId().equals(caller.tenantId()) || document.deletedAt() != null) {
            throw DocumentRefusals.notFound();
        }
        return document;
    }

    private Document locked(Caller caller, UUID id, long expected) {
        var document = lockedAny(caller, id);
        if (document.version() != expected) {
            throw DocumentRefusals.stale(document.version());
        }
        return document;
    }
}
