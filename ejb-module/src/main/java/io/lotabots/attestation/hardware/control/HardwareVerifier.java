package io.lotabots.attestation.hardware.control;

/**
 * Verifies TPM 2.0 quote evidence against a policy: pure, thread-safe, no container needed. Every
 * check runs and is reported; a check whose input could not be parsed fails or is skipped, it never
 * throws.
 */
public final class HardwareVerifier {

    public HardwareReport verify(HardwareEvidence evidence, VerificationInputs inputs) {
        throw new UnsupportedOperationException("to be built (issue 4)");
    }
}
