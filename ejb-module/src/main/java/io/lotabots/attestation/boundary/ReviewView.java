package io.lotabots.attestation.boundary;

import io.lotabots.attestation.entity.AttestationReview;
import java.time.Instant;

/** A review as clients see it: the decision, why, who made it and when. */
public record ReviewView(
        String decision, String justification, String reviewer, String reviewerName, Instant reviewedAt) {

    static ReviewView of(AttestationReview review) {
        return new ReviewView(
                review.decision().name(),
                review.justification(),
                review.reviewer(),
                review.reviewerName(),
                review.reviewedAt());
    }
}
