package io.lotabots.audit.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/**
 * The result of recomputing a tenant's chain: intact or not, how many sealed events were checked,
 * the position of the first broken or missing link and why, and the latest signed checkpoint.
 */
@JsonbNillable
public record VerificationReport(
        boolean intact,
        long eventsChecked,
        Long firstBrokenSequence,
        String reason,
        CheckpointStatus lastCheckpoint,
        Instant verifiedAt) {

    /** The latest checkpoint and whether its ES256 signature verified with the published key. */
    @JsonbNillable
    public record CheckpointStatus(
            long sequence, String hash, Instant createdAt, String objectKey, String keyId, boolean signatureValid) {}
}
