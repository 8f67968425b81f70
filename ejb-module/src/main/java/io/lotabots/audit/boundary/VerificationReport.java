package io.lotabots.audit.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/**
 * The result of recomputing a tenant's chain: intact or not, how many sealed events were checked,
 * the position of the first broken or missing link and why, the latest signed checkpoint, and what
 * the signed checkpoint copies in S3 found against the database (empty when they agree).
 */
@JsonbNillable
public record VerificationReport(
        boolean intact,
        long eventsChecked,
        Long firstBrokenSequence,
        String reason,
        CheckpointStatus lastCheckpoint,
        Instant verifiedAt,
        List<Finding> findings) {

    /** The latest checkpoint and whether its ES256 signature verified with the published key. */
    @JsonbNillable
    public record CheckpointStatus(
            long sequence, String hash, Instant createdAt, String objectKey, String keyId, boolean signatureValid) {}

    /**
     * A disagreement between the database and the checkpoint copies in S3: {@code type} is
     * {@code ROLLED_BACK} or {@code DIVERGED}, {@code sequence} the first position concerned,
     * {@code objectKey} the S3 copy it rests on (null when the copy is missing).
     */
    @JsonbNillable
    public record Finding(String type, long sequence, String objectKey, String detail) {}
}
