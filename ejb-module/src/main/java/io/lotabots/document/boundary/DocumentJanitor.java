package io.lotabots.document.boundary;

import io.lotabots.document.control.DocumentKeys;
import io.lotabots.document.control.DocumentObjects;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 15 seconds, once per cluster (a persistent timer kept in PostgreSQL): documents deleted longer ago
 * than the retention period are purged unless a legal hold covers them, every version's object first and then their rows; uploads in flight
 * for longer than a live upload can take (their server died), or whose own clean-up failed, have their object
 * and unfinished multipart upload removed. An S3 failure leaves the work for the next run.
 */
@Singleton
public class DocumentJanitor {

    private static final Logger LOG = Logger.getLogger(DocumentJanitor.class.getName());

    @EJB
    DocumentRecords records;

    @Inject
    DocumentObjects objects;

    @Inject
    DocumentLimits limits;

    @Inject
    Clock clock;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = true, info = "document purge and upload sweeper")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run() {
        purgeDeleted();
        sweepAbandonedUploads();
    }

    void purgeDeleted() {
        for (var document : records.deletedBefore(clock.instant().minus(limits.retention()), 100)) {
            try {
                purge(document.tenantId(), document.id());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Purging document " + document.id() + " failed; retried next run", e);
                return;
            }
        }
    }

    /**
     * Purges one deleted document: every version's object, then its rows. Also how the retention purge removes
     * a document past its retention period once it has deleted it.
     */
    public void purge(UUID tenantId, UUID id) {
        int removed = DocumentObjects.guarded(() -> objects.deletePrefix(DocumentKeys.prefix(tenantId, id)));
        records.purge(id);
        LOG.info(() -> "Purged deleted document " + id + " and its " + removed + " object(s)");
    }

    void sweepAbandonedUploads() {
        for (Object[] upload : records.abandonedUploads(clock.instant().minus(limits.abandonedUploadAfter()))) {
            String key = (String) upload[0];
            try {
                if (!records.objectRecorded(key)) {
                    boolean newDocument = (Boolean) upload[3];
                    DocumentObjects.guarded(() -> newDocument
                            ? objects.deletePrefix(DocumentKeys.prefix(
                                    UUID.fromString((String) upload[1]), UUID.fromString((String) upload[2])))
                            : deleteOne(key));
                }
                records.endUpload(key);
                LOG.info(() -> "Cleared abandoned document upload " + key);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Clearing abandoned upload " + key + " failed; retried next run", e);
                return;
            }
        }
    }

    private int deleteOne(String key) {
        objects.delete(key);
        return 1;
    }
}
