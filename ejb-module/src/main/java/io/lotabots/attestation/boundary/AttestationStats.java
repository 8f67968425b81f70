package io.lotabots.attestation.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A tenant's attestation volume and outcomes per UTC day and type over the last {@code days} days
 * (every day present, zeros included), and the review queue of its final attestations.
 */
public record AttestationStats(Instant from, Instant to, int days, List<TypeSeries> types, ReviewQueue reviewQueue) {

    /** One type's days, oldest first, and their sum. */
    public record TypeSeries(String type, DayCounts total, List<DayCounts> days) {}

    /**
     * Attestations submitted on {@code day} (the total's {@code day} is null) by their status now.
     * {@code successRate} is VERIFIED out of the final ones (VERIFIED, REJECTED, FAILED); null with none.
     */
    public record DayCounts(LocalDate day, long submitted, long verified, long rejected, long failed, long unfinished) {

        public Double successRate() {
            long finished = verified + rejected + failed;
            return finished == 0 ? null : (double) verified / finished;
        }

        DayCounts plus(DayCounts other) {
            return new DayCounts(
                    day,
                    submitted + other.submitted,
                    verified + other.verified,
                    rejected + other.rejected,
                    failed + other.failed,
                    unfinished + other.unfinished);
        }
    }

    /** Final attestations by their current review: none yet, FLAGGED, ACCEPTED. All time, not only the window. */
    public record ReviewQueue(long notReviewed, long flagged, long accepted) {}
}
