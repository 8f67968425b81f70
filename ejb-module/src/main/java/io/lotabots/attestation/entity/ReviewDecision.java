package io.lotabots.attestation.entity;

/** What a reviewer concluded about a verdict: it stands, or it needs a second look (with a reason). */
public enum ReviewDecision {
    ACCEPTED,
    FLAGGED
}
