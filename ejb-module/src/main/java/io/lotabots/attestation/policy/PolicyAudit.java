package io.lotabots.attestation.policy;

import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.identity.boundary.Caller;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.UUID;

/** Audit events of every change to a policy of any type, in the change's transaction, by whoever made it. */
@Dependent
class PolicyAudit {

    @Inject
    AuditTrail audit;

    <V> void written(PolicyKind<?, ?, ?, V> kind, String change, Caller caller, String name, int version, V view) {
        audit.record(describe(
                kind, caller.attribute(AuditRecord.success(kind.auditTarget() + "." + change)), name, version, view));
    }

    /** The tenant's default policy, which the platform writes on first use, whoever's request needed it. */
    <V> void defaultCreated(
            PolicyKind<?, ?, ?, V> kind, UUID tenantId, String author, String name, int version, V view) {
        audit.record(describe(
                kind,
                AuditRecord.success(kind.auditTarget() + ".created")
                        .actor(author, null)
                        .tenant(tenantId),
                name,
                version,
                view));
    }

    void deleted(PolicyKind<?, ?, ?, ?> kind, Caller caller, String name, int latestVersion) {
        audit.record(caller.attribute(AuditRecord.success(kind.auditTarget() + ".deleted"))
                .target(kind.auditTarget(), name)
                .detail("latestVersion", latestVersion)
                .build());
    }

    private static <V> AuditRecord describe(
            PolicyKind<?, ?, ?, V> kind, AuditRecord.Builder record, String name, int version, V view) {
        return kind.describe(record.target(kind.auditTarget(), name).detail("version", version), view)
                .build();
    }
}
