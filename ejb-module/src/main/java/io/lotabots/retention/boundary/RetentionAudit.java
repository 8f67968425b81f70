package io.lotabots.retention.boundary;

import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.retention.entity.LegalHold;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/** Retention's audit events: holds placed and released by their real actor, and each tenant's purge run. */
@Dependent
class RetentionAudit {

    @Inject
    AuditTrail audit;

    void placed(Caller caller, LegalHold hold) {
        var record = caller.attribute(AuditRecord.success("retention.hold.placed"))
                .target("legal-hold", hold.id().toString())
                .detail("scope", hold.scope().name().toLowerCase(java.util.Locale.ROOT))
                .detail("reason", hold.reason());
        if (hold.subject() != null) {
            record.detail("subject", hold.subject());
        }
        if (hold.objectId() != null) {
            record.detail("objectType", hold.objectType().name().toLowerCase(java.util.Locale.ROOT))
                    .detail("objectId", hold.objectId().toString());
        }
        audit.record(record.build());
    }

    void released(Caller caller, LegalHold hold) {
        audit.record(caller.attribute(AuditRecord.success("retention.hold.released"))
                .target("legal-hold", hold.id().toString())
                .detail("reason", hold.releaseReason())
                .build());
    }

    void purged(UUID tenantId, UUID runId, Map<String, Integer> purged, int held) {
        var record = AuditRecord.success("retention.purged")
                .actor("system", "retention-purge")
                .tenant(tenantId)
                .target("retention-run", runId.toString())
                .detail("held", held);
        purged.forEach((dataClass, count) -> record.detail(dataClass, count.longValue()));
        audit.record(record.build());
    }
}
