package io.lotabots.attestation.boundary;

import io.lotabots.attestation.control.Appraisal;
import io.lotabots.attestation.entity.Attestation;
import io.lotabots.attestation.entity.AttestationStatus;
import io.lotabots.attestation.entity.NewAttestation;
import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.platform.json.Json;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * Audit events of an attestation job of any type, in the transaction of the step that caused them: the
 * submission by its caller, and the verdict or failure by the verifier.
 */
@Dependent
class JobAudit {

    @Inject
    AuditTrail audit;

    void submitted(NewAttestation spec, String evidenceDigest) {
        audit.record(AuditRecord.success("attestation.submitted")
                .tenant(spec.tenantId())
                .target("attestation", spec.id())
                .detail("type", spec.type().label())
                .detail("policy", spec.policyName() + "@" + spec.policyVersion())
                .detail("nonceStatus", spec.nonceStatus())
                .detail("evidenceDigest", evidenceDigest)
                .build());
    }

    void concluded(Attestation job, Appraisal appraisal) {
        audit.record(AuditRecord.success(
                        job.status() == AttestationStatus.VERIFIED ? "attestation.verified" : "attestation.rejected")
                .actor("system", "attestation-verifier")
                .tenant(job.tenantId())
                .target("attestation", job.id())
                .detail("type", job.type().label())
                .detail("verdict", appraisal.verdict().earStatus())
                .detail("reasons", Json.createArrayBuilder(appraisal.reasons()).build())
                .detail("policy", job.policyName() + "@" + job.policyVersion())
                .build());
    }

    void failed(Attestation job) {
        audit.record(AuditRecord.failure("attestation.failed")
                .actor("system", "attestation-verifier")
                .tenant(job.tenantId())
                .target("attestation", job.id())
                .detail("type", job.type().label())
                .detail("reason", job.failureReason())
                .detail("attempts", job.attempts())
                .build());
    }
}
