package io.lotabots.attestation.boundary;

import io.lotabots.attestation.entity.AttestationType;
import java.util.UUID;

/**
 * What a type's submission facade hands the shared lifecycle, its evidence already checked for form:
 * whose job, of which type, the policy version it pinned, the nonce bytes the evidence was made with,
 * and the enrolled device it names (null for none).
 */
public record Submission(
        UUID tenantId,
        String submittedBy,
        AttestationType type,
        String policyName,
        int policyVersion,
        byte[] nonce,
        UUID deviceId) {}
