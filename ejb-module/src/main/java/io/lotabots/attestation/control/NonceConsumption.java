package io.lotabots.attestation.control;

/**
 * What consuming a nonce found: issued to this tenant and unused ({@code VALID}), never issued to
 * this tenant (or forgotten long ago), past its lifetime, or used before.
 */
public enum NonceConsumption {
    VALID,
    UNKNOWN,
    EXPIRED,
    REUSED
}
