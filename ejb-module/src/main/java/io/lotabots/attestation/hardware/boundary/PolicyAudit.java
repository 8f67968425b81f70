package io.lotabots.attestation.hardware.boundary;

import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.identity.boundary.Caller;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.UUID;

/** Audit events of every change to a hardware policy, in the change's transaction, by whoever made it. */
@Dependent
class PolicyAudit {

    @Inject
    AuditTrail audit;

    void written(String action, Caller caller, PolicyView policy) {
        audit.record(content(caller.attribute(AuditRecord.success(action)), policy));
    }

    /** The tenant's default policy, which the platform writes on first use, whoever's request needed it. */
    void defaultCreated(UUID tenantId, String author, PolicyView policy) {
        audit.record(content(
                AuditRecord.success("hardware-policy.created")
                        .actor(author, null)
                        .tenant(tenantId),
                policy));
    }

    void deleted(Caller caller, String name, int latestVersion) {
        audit.record(caller.attribute(AuditRecord.success("hardware-policy.deleted"))
                .target("hardware-policy", name)
                .detail("latestVersion", latestVersion)
                .build());
    }

    private static AuditRecord content(AuditRecord.Builder record, PolicyView policy) {
        return record.target("hardware-policy", policy.name())
                .detail("version", policy.version())
                .detail("pcrSelection", policy.pcrSelection())
                .detail("referenceValues", policy.referenceValues().size())
                .detail("eventLogRequired", policy.eventLogRequired())
                .detail("trustedAkCas", policy.trustedAkCas().size())
                .detail("trustedEkCas", policy.trustedEkCas().size())
                .detail("enrolledDeviceRequired", policy.enrolledDeviceRequired())
                .build();
    }
}
