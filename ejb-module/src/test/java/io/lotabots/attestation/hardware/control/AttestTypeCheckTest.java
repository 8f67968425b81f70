package io.lotabots.attestation.hardware.control;

import static io.lotabots.attestation.hardware.control.Checks.assertFailed;
import static io.lotabots.attestation.hardware.control.Checks.assertPassed;
import static io.lotabots.attestation.hardware.control.Checks.assertSkipped;
import static io.lotabots.attestation.hardware.control.Checks.run;

import org.junit.jupiter.api.Test;

class AttestTypeCheckTest {

    private final AttestTypeCheck check = new AttestTypeCheck();
    private final SyntheticQuote quote = SyntheticQuote.ecdsa();

    @Test
    void aQuotePasses() {
        assertPassed(run(check, quote, Inputs.permissive()));
    }

    @Test
    void aCertifyStructureFails() {
        quote.attest.type = 0x8017;

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.WRONG_ATTEST_TYPE, "type is 0x8017");
    }

    @Test
    void anUnreadableQuoteIsSkipped() {
        quote.quote = new byte[0];

        assertSkipped(run(check, quote, Inputs.permissive()));
    }
}
