package io.lotabots.attestation.hardware.boundary;

import io.lotabots.attestation.policy.PolicyVersion;
import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.identity.boundary.Caller;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** Audit events of device enrollment, activation (every attempt) and retirement, in the change's transaction. */
@Dependent
class DeviceAudit {

    @Inject
    AuditTrail audit;

    void enrolled(Caller caller, DeviceView device, boolean ekCertificate, PolicyVersion policy) {
        audit.record(caller.attribute(AuditRecord.success("device.enrolled"))
                .target("device", device.id())
                .detail("name", device.name())
                .detail("akName", device.akName())
                .detail("ekCertificate", ekCertificate)
                .detail("policy", policy.name())
                .detail("policyVersion", policy.version())
                .build());
    }

    void activation(Caller caller, Activation activation) {
        var record = activation.outcome() == Activation.Outcome.ACTIVATED
                ? AuditRecord.success("device.activated")
                : AuditRecord.failure("device.activation-failed")
                        .detail("reason", activation.outcome().name())
                        .detail("attemptsLeft", activation.attemptsLeft());
        audit.record(caller.attribute(record)
                .target("device", activation.device().id())
                .detail("akName", activation.device().akName())
                .build());
    }

    void retired(Caller caller, DeviceView device) {
        audit.record(caller.attribute(AuditRecord.success("device.retired"))
                .target("device", device.id())
                .detail("akName", device.akName())
                .build());
    }
}
