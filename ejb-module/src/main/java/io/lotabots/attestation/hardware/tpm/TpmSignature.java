package io.lotabots.attestation.hardware.tpm;

/**
 * A TPMT_SIGNATURE ({@code tpm2_quote -s}, tss format): the scheme, the hash the TPM signed with, and
 * either the RSA signature or the ECDSA (r, s) pair.
 */
public record TpmSignature(SignatureScheme scheme, TpmHash hash, byte[] rsaSignature, byte[] r, byte[] s) {

    /** RSA signatures up to 4096 bits; ECC coordinates up to P-521. */
    static final int MAX_RSA_SIGNATURE = 512;

    static final int MAX_ECC_PARAMETER = 66;

    public static TpmSignature parse(byte[] bytes) {
        if (bytes == null) {
            throw new MalformedEvidenceException("TPMT_SIGNATURE: absent");
        }
        var reader = new TpmReader("TPMT_SIGNATURE", bytes);
        int sigAlg = reader.u16("sigAlg");
        var scheme = SignatureScheme.byId(sigAlg)
                .orElseThrow(() -> reader.malformed("unsupported signature scheme 0x" + hex16(sigAlg)
                        + " (RSASSA 0x0014, RSAPSS 0x0016 and ECDSA 0x0018 are)"));
        int hashAlg = reader.u16("hash");
        var hash = TpmHash.ofId(hashAlg)
                .orElseThrow(() -> reader.malformed("unsupported hash algorithm 0x" + hex16(hashAlg)));
        TpmSignature signature;
        if (scheme.rsa()) {
            var sig = reader.sized("sig", MAX_RSA_SIGNATURE);
            if (sig.length == 0) {
                throw reader.malformed("sig is empty");
            }
            signature = new TpmSignature(scheme, hash, sig, null, null);
        } else {
            var r = reader.sized("signatureR", MAX_ECC_PARAMETER);
            var s = reader.sized("signatureS", MAX_ECC_PARAMETER);
            if (r.length == 0 || s.length == 0) {
                throw reader.malformed("signatureR or signatureS is empty");
            }
            signature = new TpmSignature(scheme, hash, null, r, s);
        }
        reader.requireEnd();
        return signature;
    }

    private static String hex16(int value) {
        return String.format("%04x", value);
    }
}
