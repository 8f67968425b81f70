package io.lotabots.model.boundary;

import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.identity.boundary.Caller;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** Audit events of model uploads and deletions, in the transaction that records the change, naming the caller. */
@Dependent
class ModelAudit {

    @Inject
    AuditTrail audit;

    void uploaded(Caller caller, ModelView model) {
        audit.record(caller.attribute(AuditRecord.success("model.uploaded"))
                .target("model", model.id())
                .detail("name", model.name())
                .detail("kind", model.kind().name())
                .detail("format", model.format())
                .detail("size", model.size())
                .detail("fileCount", model.fileCount())
                .detail("sha256", model.sha256())
                .build());
    }

    void deleted(Caller caller, ModelView model) {
        audit.record(caller.attribute(AuditRecord.success("model.deleted"))
                .target("model", model.id())
                .detail("name", model.name())
                .detail("size", model.size())
                .detail("fileCount", model.fileCount())
                .build());
    }
}
