package io.lotabots.attestation.entity;

/** Where an attestation job is in its life; the last three are final and never change again. */
public enum AttestationStatus {
    PENDING,
    PROCESSING,
    VERIFIED,
    REJECTED,
    FAILED;

    public boolean isFinal() {
        return this == VERIFIED || this == REJECTED || this == FAILED;
    }
}
