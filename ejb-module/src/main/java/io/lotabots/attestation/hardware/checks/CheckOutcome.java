package io.lotabots.attestation.hardware.checks;

/** How one check ended. SKIPPED means it did not apply (say, no event log was sent and none is required). */
public enum CheckOutcome {
    PASSED,
    FAILED,
    SKIPPED
}
