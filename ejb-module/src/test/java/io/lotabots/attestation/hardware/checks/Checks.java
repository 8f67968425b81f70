package io.lotabots.attestation.hardware.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.hardware.tpm.SyntheticQuote;

/** Runs one check on synthetic evidence and states what its result must be. */
final class Checks {

    private Checks() {}

    static CheckResult run(EvidenceCheck check, SyntheticQuote quote, Inputs inputs) {
        return check.check(ParsedEvidence.of(quote.evidence(), inputs.build()));
    }

    static void assertPassed(CheckResult result) {
        assertEquals(CheckOutcome.PASSED, result.outcome(), result.detail());
    }

    static void assertSkipped(CheckResult result) {
        assertEquals(CheckOutcome.SKIPPED, result.outcome(), result.detail());
    }

    static void assertFailed(CheckResult result, ReasonCode reason, String detail) {
        assertEquals(CheckOutcome.FAILED, result.outcome(), result.detail());
        assertEquals(reason, result.reason(), result.detail());
        assertTrue(result.detail().contains(detail), result.detail());
    }
}
