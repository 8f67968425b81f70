package io.lotabots.attestation.hardware.boundary;

import io.lotabots.attestation.boundary.AttestationJobs;
import io.lotabots.attestation.boundary.AttestationView;
import io.lotabots.attestation.boundary.Submission;
import io.lotabots.attestation.control.IssuedNonce;
import io.lotabots.attestation.control.NonceStore;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.hardware.evidence.EvidenceDocument;
import io.lotabots.attestation.hardware.evidence.HardwareEvidence;
import io.lotabots.attestation.policy.PolicyPins;
import io.lotabots.attestation.policy.PolicyVersion;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Hardware attestation's entry: nonces, and submissions of evidence that the API has already
 * checked for form. A submission pins the policy version ({@link PolicyPins}) and hands the job to the
 * shared lifecycle ({@link AttestationJobs#submit}), which consumes the nonce and gives it back when the
 * job certainly was not stored.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HardwareAttestations {

    @EJB
    HardwarePolicies policies;

    @EJB
    AttestationJobs jobs;

    @Inject
    NonceStore nonces;

    @Inject
    PolicyPins pins;

    public IssuedNonce issueNonce(UUID tenantId, int size) {
        return nonces.issue(tenantId, size);
    }

    /**
     * Stores and queues the evidence. The policy is resolved before the nonce is consumed, so an
     * unknown policy (a client error) leaves the nonce usable.
     */
    public AttestationView submit(UUID tenantId, String submittedBy, HardwareEvidence evidence, String policyName) {
        PolicyVersion pinned = pins.current(
                        AttestationType.HARDWARE, tenantId, policyName, () -> policies.current(tenantId, policyName))
                .orElseThrow(() -> Refusal.invalidField(
                        "policy", "The tenant has no hardware attestation policy named '" + policyName + "'."));
        var submission = new Submission(
                tenantId,
                submittedBy,
                AttestationType.HARDWARE,
                pinned.name(),
                pinned.version(),
                evidence.nonce(),
                evidence.deviceId() == null ? null : UUID.fromString(evidence.deviceId()));
        return jobs.submit(submission, EvidenceDocument.of(evidence));
    }
}
