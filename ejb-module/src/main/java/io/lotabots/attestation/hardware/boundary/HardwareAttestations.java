package io.lotabots.attestation.hardware.boundary;

import io.lotabots.attestation.boundary.AttestationJobs;
import io.lotabots.attestation.boundary.AttestationView;
import io.lotabots.attestation.boundary.JobNotStoredException;
import io.lotabots.attestation.boundary.NonceSpentException;
import io.lotabots.attestation.control.ConsumedNonce;
import io.lotabots.attestation.control.IssuedNonce;
import io.lotabots.attestation.control.NonceConsumption;
import io.lotabots.attestation.control.NonceStore;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.entity.NewAttestation;
import io.lotabots.attestation.hardware.control.EvidenceDocument;
import io.lotabots.attestation.hardware.control.HardwareEvidence;
import io.lotabots.platform.ids.TimeOrderedIds;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Hardware attestation's entry: nonces, and submissions of evidence that the API has already
 * checked for form. A submission pins the policy version ({@link PolicyPins}), consumes the nonce (whatever the answer,
 * it is recorded for the verifier) and hands the job to the shared lifecycle. A job that certainly was not
 * stored (a dependency away) gives a VALID nonce back with its original expiry, so an outage costs the
 * client nothing; when the outcome is unknown the nonce stays used, since it must never serve two stored jobs.
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
        PolicyVersion pinned = pins.current(tenantId, policyName, () -> policies.current(tenantId, policyName))
                .orElseThrow(() -> Refusal.invalidField(
                        "policy", "The tenant has no hardware attestation policy named '" + policyName + "'."));
        var nonce = nonces.consume(tenantId, evidence.nonce());
        var spec = new NewAttestation(
                TimeOrderedIds.next(),
                tenantId,
                AttestationType.HARDWARE,
                pinned.name(),
                pinned.version(),
                HexFormat.of().formatHex(evidence.nonce()),
                nonce.status().name(),
                evidence.deviceId() == null ? null : UUID.fromString(evidence.deviceId()),
                submittedBy);
        try {
            return jobs.submit(spec, EvidenceDocument.of(evidence));
        } catch (JobNotStoredException notStored) {
            giveBack(nonce, notStored.getCause());
            throw notStored.getCause();
        } catch (RuntimeException unknownOutcome) {
            // the commit itself failed: the job may be stored, so its nonce must stay used
            throw nonce.status() == NonceConsumption.VALID ? new NonceSpentException(unknownOutcome) : unknownOutcome;
        }
    }

    /** Gives a VALID nonce back for a job that certainly was not stored, or says that it is spent. */
    private void giveBack(ConsumedNonce nonce, RuntimeException failure) {
        if (nonce.status() != NonceConsumption.VALID) {
            return;
        }
        try {
            if (nonces.giveBack(nonce)) {
                return;
            }
        } catch (RuntimeException nonceStoreAway) {
            failure.addSuppressed(nonceStoreAway);
        }
        throw new NonceSpentException(failure);
    }
}
