package io.lotabots.attestation.hardware.tpm;

/**
 * Evidence bytes that are not the structure they claim to be; the message names the structure, the
 * field and what was wrong (e.g. {@code TPM2B_PUBLIC: unique.x size 900 exceeds remaining 12 bytes}).
 */
public class MalformedEvidenceException extends RuntimeException {

    public MalformedEvidenceException(String message) {
        super(message);
    }

    public MalformedEvidenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
