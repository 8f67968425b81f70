package io.lotabots.attestation.hardware.tpm;

/** The two PCR file formats of {@code tpm2_quote -o}: {@code -F serialized} (the default) and {@code -F values}. */
public enum PcrsFormat {
    SERIALIZED,
    VALUES
}
