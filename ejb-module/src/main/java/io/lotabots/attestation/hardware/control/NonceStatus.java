package io.lotabots.attestation.hardware.control;

/**
 * What the nonce store said when the submission consumed the nonce: issued to this tenant and not
 * used before ({@code VALID}), never issued to this tenant, past its TTL, or used already.
 */
public enum NonceStatus {
    VALID,
    UNKNOWN,
    EXPIRED,
    REUSED
}
