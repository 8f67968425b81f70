package io.lotabots.attestation.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An attestation as clients see it. {@code verdict}, {@code reasons}, {@code checks}, {@code claims}
 * and {@code token} are set once it is VERIFIED or REJECTED; {@code failureReason} once FAILED.
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
        String failureReason) {

    /** The policy a job was pinned to at submission. */
    public record PolicyRef(String name, int version) {}
}
