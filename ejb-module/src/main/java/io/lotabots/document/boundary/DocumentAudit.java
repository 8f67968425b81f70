package io.lotabots.document.boundary;

import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.identity.boundary.Caller;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * Audit events of documents, naming the caller: writes and deletes in the transaction that makes them,
 * content reads in a transaction of their own (a read changes nothing else).
 */
@Dependent
class DocumentAudit {

    @Inject
    AuditTrail audit;

    void created(Caller caller, DocumentView d) {
        audit.record(content(caller, "document.created", d).build());
    }

    void versionAdded(Caller caller, DocumentView d) {
        audit.record(content(caller, "document.version-added", d).build());
    }

    void metadataChanged(Caller caller, DocumentView d) {
        audit.record(caller.attribute(AuditRecord.success("document.metadata-changed"))
                .target("document", d.id())
                .detail("title", d.title())
                .detail("version", d.version())
                .build());
    }

    void deleted(Caller caller, DocumentView d) {
        audit.record(caller.attribute(AuditRecord.success("document.deleted"))
                .target("document", d.id())
                .detail("title", d.title())
                .build());
    }

    void contentRead(Caller caller, java.util.UUID id, DocumentContent c, String range) {
        var record = caller.attribute(AuditRecord.success("document.content-read"))
                .target("document", id)
                .detail("contentVersion", c.number())
                .detail("size", c.size());
        if (range != null) {
            record.detail("range", range);
        }
        audit.recordAlone(record.build());
    }

    private static AuditRecord.Builder content(Caller caller, String action, DocumentView d) {
        return caller.attribute(AuditRecord.success(action))
                .target("document", d.id())
                .detail("title", d.title())
                .detail("contentVersion", d.currentVersion())
                .detail("contentType", d.contentType())
                .detail("size", d.size())
                .detail("sha256", d.sha256());
    }
}
