package io.lotabots.attestation.boundary;

import io.lotabots.attestation.entity.AttestationType;
import java.util.UUID;

/**
 * Fired synchronously inside the transaction that stores a new job, after its row is written: an observer
 * that throws (a type's quota refusal) rolls the job back, so nothing of it is stored.
 */
public record AttestationOpened(UUID id, UUID tenantId, AttestationType type) {}
