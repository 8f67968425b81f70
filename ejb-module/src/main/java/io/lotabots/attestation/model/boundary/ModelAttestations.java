package io.lotabots.attestation.model.boundary;

import io.lotabots.attestation.boundary.AttestationJobs;
import io.lotabots.attestation.boundary.AttestationView;
import io.lotabots.attestation.boundary.Submission;
import io.lotabots.attestation.control.NonceStore;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.model.evidence.ModelEvidenceDocument;
import io.lotabots.attestation.policy.PolicyPins;
import io.lotabots.attestation.policy.PolicyVersion;
import io.lotabots.consent.boundary.ConsentGate;
import io.lotabots.consent.entity.ProcessingActivity;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.model.boundary.ModelRecords;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * Model attestation's entry: checks that the model is the caller's tenant's, pins the policy version and
 * hands the job to the shared lifecycle. The evidence is the stored model itself, so there is no client
 * nonce: the facade issues one and consumes it with the submission. The job's resource allocation is taken
 * in the transaction that stores it ({@link ModelJobResources}), so an over-quota submission stores nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ModelAttestations {

    static final int NONCE_BYTES = 32;

    @EJB
    ModelPolicies policies;

    @EJB
    ModelRecords models;

    @EJB
    AttestationJobs jobs;

    @EJB
    ConsentGate consent;

    @Inject
    NonceStore nonces;

    @Inject
    PolicyPins pins;

    /**
     * Stores and queues a model job.
     *
     * @throws Refusal 422 naming {@code modelId} for no model of the tenant (checked first: pinning the default
     *     policy creates it), 400 naming {@code policy} for an unknown policy, 409/429 quota-exceeded, 403
     *     consent-required when the tenant makes model attestation need a purpose the caller has not granted
     */
    public AttestationView submit(Caller caller, UUID modelId, String policyName) {
        consent.require(caller, ProcessingActivity.MODEL_ATTESTATION);
        UUID tenantId = caller.tenantId();
        if (!models.owns(tenantId, modelId)) {
            String what = "the tenant has no model " + modelId;
            throw Refusal.builder(Refusal.Kind.UNPROCESSABLE, "unprocessable-content", "Unprocessable content")
                    .detail("modelId: " + what + "; nothing was stored.")
                    .problems(List.of(new FieldProblem("modelId", what)))
                    .build();
        }
        PolicyVersion pinned = pins.current(
                        AttestationType.MODEL, tenantId, policyName, () -> policies.current(tenantId, policyName))
                .orElseThrow(() ->
                        Refusal.invalidField("policy", "The tenant has no model policy named '" + policyName + "'."));
        var nonce = nonces.issue(tenantId, NONCE_BYTES);
        var submission = new Submission(
                tenantId,
                caller.subject(),
                AttestationType.MODEL,
                pinned.name(),
                pinned.version(),
                nonce.value(),
                null);
        var evidence = new ModelEvidenceDocument.ModelEvidence(modelId, pinned.name(), pinned.version());
        return jobs.submit(submission, ModelEvidenceDocument.of(evidence));
    }
}
