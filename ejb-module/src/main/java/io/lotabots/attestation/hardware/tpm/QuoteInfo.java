package io.lotabots.attestation.hardware.tpm;

/** TPMS_QUOTE_INFO: the PCRs the TPM quoted and the digest of their values (with the signing hash). */
public record QuoteInfo(PcrSelection selection, byte[] pcrDigest) {

    static QuoteInfo read(TpmReader reader) {
        var selection = PcrSelection.read(reader);
        var pcrDigest = reader.sized("pcrDigest", TpmHash.SHA512.digestSize());
        return new QuoteInfo(selection, pcrDigest);
    }
}
