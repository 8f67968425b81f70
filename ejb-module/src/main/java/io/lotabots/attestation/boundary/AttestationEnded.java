package io.lotabots.attestation.boundary;

import io.lotabots.attestation.entity.AttestationStatus;
import io.lotabots.attestation.entity.AttestationType;
import java.time.Duration;
import java.util.UUID;

/**
 * Fired synchronously inside the transaction that makes a job final (a verdict or a failure), so what an
 * observer writes (a released resource allocation) commits with it. {@code cpuUsed} is the CPU time of the
 * appraisal that reached the verdict, zero for a failure.
 */
public record AttestationEnded(
        UUID id, UUID tenantId, AttestationType type, AttestationStatus status, Duration cpuUsed) {}
