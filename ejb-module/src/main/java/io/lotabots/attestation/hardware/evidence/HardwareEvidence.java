package io.lotabots.attestation.hardware.evidence;

import io.lotabots.attestation.hardware.tpm.PcrsFormat;
import java.util.List;

/**
 * Hardware evidence exactly as submitted (tpm2-tools output, unchanged): nothing here is parsed or
 * trusted yet. Optional parts are {@code null}; certificates are PEM or DER bytes, as sent.
 *
 * @param nonce the nonce the client says it used (decoded from hex)
 * @param quote {@code tpm2_quote -m}: a marshalled TPMS_ATTEST
 * @param signature {@code tpm2_quote -s}: a marshalled TPMT_SIGNATURE
 * @param pcrs {@code tpm2_quote -o}
 * @param pcrSelection e.g. {@code sha256:0,1,2,3,4,5,6,7}; required with {@link PcrsFormat#VALUES}
 * @param akPublicKeyPem {@code tpm2_readpublic -f pem} (SubjectPublicKeyInfo)
 * @param akPublicArea {@code tpm2_readpublic -o}: a TPM2B_PUBLIC
 * @param eventLog the binary TCG crypto-agile event log
 * @param deviceId the enrolled device the client says the quote comes from
 */
public record HardwareEvidence(
        byte[] nonce,
        byte[] quote,
        byte[] signature,
        byte[] pcrs,
        PcrsFormat pcrsFormat,
        String pcrSelection,
        String akPublicKeyPem,
        byte[] akPublicArea,
        byte[] akCertificate,
        byte[] ekCertificate,
        List<byte[]> certificateChain,
        byte[] eventLog,
        String deviceId) {

    public HardwareEvidence {
        certificateChain = certificateChain == null ? List.of() : List.copyOf(certificateChain);
    }
}
