package io.lotabots.attestation.api;

import io.lotabots.attestation.boundary.ReviewView;
import java.util.List;

/** An attestation's current review (null before the first) and every review, newest first. */
public record ReviewHistory(ReviewView current, List<ReviewView> history) {}
