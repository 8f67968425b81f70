package io.lotabots.subjectrequest.boundary;

import io.lotabots.identity.boundary.Caller;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.platform.storage.ObjectStore;
import io.lotabots.subjectrequest.entity.RequestState;
import io.lotabots.subjectrequest.entity.RequestType;
import io.lotabots.subjectrequest.entity.SubjectRequest;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.time.Clock;
import java.util.UUID;

/**
 * What the jobs produce: the export archive (decrypted as it is read, until it expires) for an officer or
 * the subject, and the erasure certificate. Each download is audited with the downloader.
 */
@Stateless
public class SubjectRequestResults {

    @EJB
    SubjectRequests requests;

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    ObjectStore objects;

    @Inject
    SubjectRequestAudit audit;

    @Inject
    Clock clock;

    /**
     * The archive of a completed export: its size, digest and content; 404 before, 410 once past its retention
     * (purged or about to be) or erased.
     */
    public ExportDownload export(Caller caller, UUID id, boolean asSubject) {
        SubjectRequest request = asSubject ? requests.requireOwn(caller, id) : requests.require(caller, id, false);
        if (request.type() != RequestType.EXPORT) {
            throw Refusal.notFound("The request is no export: it has no archive.");
        }
        if (request.state() == RequestState.COMPLETED && request.resultSha256() != null && gone(request)) {
            throw Refusal.of(
                    Refusal.Kind.GONE,
                    "export-expired",
                    "Export expired",
                    request.expiresAt() == null
                            ? "The archive was erased; file a new export."
                            : "The archive could be downloaded until " + request.expiresAt() + "; file a new export.");
        }
        if (request.state() != RequestState.COMPLETED || request.resultKey() == null) {
            throw Refusal.of(
                    Refusal.Kind.NOT_FOUND,
                    "export-not-ready",
                    "No export archive",
                    "The export is " + request.state() + ".");
        }
        audit.record(caller, "privacy.export.downloaded", request, "sha256", request.resultSha256());
        InputStream content = objects.open(request.resultKey());
        return new ExportDownload(
                "export-" + request.id() + ".zip", request.resultSize(), request.resultSha256(), content);
    }

    private boolean gone(SubjectRequest request) {
        return request.resultKey() == null
                || (request.expiresAt() != null && !clock.instant().isBefore(request.expiresAt()));
    }

    /**
     * The retention purge of an export: its archive deleted from S3 (its data key with it), the row kept with its
     * digest and expiry so the download answers 410; audited. Safe to repeat.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void purgeExport(UUID tenantId, UUID id) {
        SubjectRequest request = em.find(SubjectRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || !request.tenantId().equals(tenantId) || request.resultKey() == null) {
            return;
        }
        objects.delete(request.resultKey());
        request.archivePurged(clock.instant());
        audit.record(
                new Caller(tenantId, "system", "retention-purge", java.util.Set.of()),
                "privacy.export.purged",
                request,
                "sha256",
                request.resultSha256());
    }

    /** The certificate of a completed erasure, as stored. */
    public String certificate(Caller caller, UUID id) {
        SubjectRequest request = requests.require(caller, id, false);
        if (request.type() != RequestType.ERASURE || request.state() != RequestState.COMPLETED) {
            throw Refusal.of(
                    Refusal.Kind.NOT_FOUND,
                    "certificate-not-ready",
                    "No erasure certificate",
                    "Only a completed erasure has a certificate; this request is a " + request.type() + ", "
                            + request.state() + ".");
        }
        return request.certificate();
    }

    /** An export archive being read. */
    public record ExportDownload(String fileName, long size, String sha256, InputStream content) {}
}
