package io.lotabots.attestation.boundary;

import io.lotabots.attestation.entity.AttestationStatus;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.entity.Verdict;
import io.lotabots.platform.paging.TimeIdCursor;
import java.time.Instant;
import java.util.UUID;

/**
 * A page request over one tenant's attestations, newest first. Every filter is optional; {@code from}
 * is inclusive, {@code to} exclusive; {@code policy} is the pinned policy's name; {@code review} the
 * place in the review queue; {@code after} is where the previous page ended (submission time, then id),
 * null for the first page.
 */
public record AttestationQuery(
        UUID tenantId,
        AttestationType type,
        AttestationStatus status,
        Verdict verdict,
        UUID deviceId,
        Instant from,
        Instant to,
        String policy,
        ReviewState review,
        int limit,
        TimeIdCursor after) {

    /** Without the policy and review filters. */
    public AttestationQuery(
            UUID tenantId,
            AttestationType type,
            AttestationStatus status,
            Verdict verdict,
            UUID deviceId,
            Instant from,
            Instant to,
            int limit,
            TimeIdCursor after) {
        this(tenantId, type, status, verdict, deviceId, from, to, null, null, limit, after);
    }
}
