package io.lotabots.resources.boundary;

import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.platform.json.Json;
import io.lotabots.resources.control.QuotaLimits;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * The resource manager's audit events: every quota change (the tenant's chain, and the platform chain
 * when a platform operator made it) and every refusal by a quota. A refusal rolls its request back, so it
 * is recorded in a transaction of its own.
 */
@Dependent
class ResourceAudit {

    @Inject
    AuditTrail audit;

    /**
     * Written in the change's transaction. A tenant's administrator is named as {@code caller}; a platform
     * operator (null) is the request's authenticated caller, and the change is also on the platform chain.
     */
    void changed(Caller caller, UUID tenantId, QuotaLimits before, QuotaLimits after, long version) {
        boolean byPlatformOperator = caller == null;
        var record = AuditRecord.success("resources.quota.changed")
                .tenant(tenantId)
                .target("tenant", tenantId)
                .detail("version", version)
                .detail("byPlatformOperator", byPlatformOperator)
                .detail("before", json(before))
                .detail("after", json(after));
        audit.record((caller == null ? record : caller.attribute(record)).build());
        if (byPlatformOperator) {
            var platform = AuditRecord.success("platform.quota.changed")
                    .tenant(AuditTrail.PLATFORM)
                    .target("tenant", tenantId)
                    .detail("version", version)
                    .detail("after", json(after));
            audit.record(platform.build());
        }
    }

    void refused(UUID tenantId, QuotaExceededException refusal, String targetType, UUID targetId) {
        audit.recordAlone(AuditRecord.denied("resources.quota.refused")
                .tenant(tenantId)
                .target(targetType, targetId)
                .detail("quota", refusal.quota().label())
                .detail("used", refusal.used().toPlainString())
                .detail("limit", refusal.limit())
                .detail("requested", refusal.requested().toPlainString())
                .build());
    }

    private static JsonObject json(QuotaLimits limits) {
        return Json.createObjectBuilder()
                .add("storedModelBytes", limits.storedModelBytes())
                .add("concurrentJobs", limits.concurrentJobs())
                .add("cpuSecondsPerDay", limits.cpuSecondsPerDay())
                .build();
    }
}
