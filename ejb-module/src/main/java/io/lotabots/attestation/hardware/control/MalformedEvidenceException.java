package io.lotabots.attestation.hardware.control;

/**
 * Evidence bytes that do not form the structure they claim to be. The message names the structure,
 * the field and the numbers, so a client can see what was wrong with their input.
 */
public class MalformedEvidenceException extends RuntimeException {

    public MalformedEvidenceException(String message) {
        super(message);
    }

    public MalformedEvidenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
