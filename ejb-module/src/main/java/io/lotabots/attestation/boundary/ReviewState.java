package io.lotabots.attestation.boundary;

/**
 * Where a final attestation stands in the review queue: no review yet, or its current review's
 * decision. Unfinished attestations are in none of them.
 */
public enum ReviewState {
    NOT_REVIEWED,
    FLAGGED,
    ACCEPTED;

    /** As query parameters and URLs write it: {@code not-reviewed}, {@code flagged}, {@code accepted}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static ReviewState ofKey(String key) {
        return valueOf(key.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
