package io.lotabots.attestation.hardware.boundary;

import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.UUID;

/** Audit events of every change to a hardware policy, in the change's transaction. */
@Dependent
class PolicyAudit {

    @Inject
    AuditTrail audit;

    void written(String action, UUID tenantId, PolicyView policy) {
        audit.record(AuditRecord.success(action)
                .tenant(tenantId)
                .target("hardware-policy", policy.name())
                .detail("version", policy.version())
                .detail("pcrSelection", policy.pcrSelection())
                .detail("referenceValues", policy.referenceValues().size())
                .detail("eventLogRequired", policy.eventLogRequired())
                .detail("trustedAkCas", policy.trustedAkCas().size())
                .detail("trustedEkCas", policy.trustedEkCas().size())
                .detail("enrolledDeviceRequired", policy.enrolledDeviceRequired())
                .build());
    }

    void deleted(UUID tenantId, String name, int latestVersion) {
        audit.record(AuditRecord.success("hardware-policy.deleted")
                .tenant(tenantId)
                .target("hardware-policy", name)
                .detail("latestVersion", latestVersion)
                .build());
    }
}
