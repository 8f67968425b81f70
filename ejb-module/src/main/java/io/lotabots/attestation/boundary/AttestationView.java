package io.lotabots.attestation.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An attestation as clients see it. {@code verdict}, {@code reasons}, {@code checks}, {@code claims}
 * and {@code token} are set once it is VERIFIED or REJECTED; {@code failureReason} once FAILED;
 * {@code review} once a compliance officer or administrator reviewed the outcome.
 */
public record AttestationView(
        UUID id,
        String type,
        String status,
        String verdict,
        List<String> reasons,
        JsonArray checks,
        JsonObject claims,
        PolicyRef policy,
        String token,
        Instant submittedAt,
        Instant completedAt,
        UUID deviceId,
        String evidenceDigest,
        String failureReason,
        ReviewView review) {

    /** The same attestation with its current review (null for none). */
    public AttestationView withReview(ReviewView current) {
        return new AttestationView(
                id,
                type,
                status,
                verdict,
                reasons,
                checks,
                claims,
                policy,
                token,
                submittedAt,
                completedAt,
                deviceId,
                evidenceDigest,
                failureReason,
                current);
    }

    /** The policy a job was pinned to at submission. */
    public record PolicyRef(String name, int version) {}
}
