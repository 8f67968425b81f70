package io.lotabots.testkit.tpm;

/** The three files of {@code tpm2_quote}: {@code -m} (TPMS_ATTEST), {@code -s} (TPMT_SIGNATURE), {@code -o} (PCRs). */
public record Quote(byte[] message, byte[] signature, byte[] pcrs, String pcrSelection, String pcrsFormat) {}
