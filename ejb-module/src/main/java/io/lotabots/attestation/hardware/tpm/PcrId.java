package io.lotabots.attestation.hardware.tpm;

/** One PCR of one bank; written {@code sha256:7} in policies and claims. */
public record PcrId(TpmHash bank, int index) {

    @Override
    public String toString() {
        return bank.bankName() + ":" + index;
    }
}
