package io.lotabots.attestation.entity;

import java.util.UUID;

/** What a submission fixes about a job before it is stored: whose, which type, the pinned policy, the nonce. */
public record NewAttestation(
        UUID id,
        UUID tenantId,
        AttestationType type,
        String policyName,
        int policyVersion,
        String nonceHex,
        String nonceStatus,
        UUID deviceId,
        String submittedBy) {}
