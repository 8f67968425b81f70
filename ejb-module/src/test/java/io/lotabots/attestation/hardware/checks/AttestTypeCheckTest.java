package io.lotabots.attestation.hardware.checks;

import static io.lotabots.attestation.hardware.checks.Checks.assertFailed;
import static io.lotabots.attestation.hardware.checks.Checks.assertPassed;
import static io.lotabots.attestation.hardware.checks.Checks.assertSkipped;
import static io.lotabots.attestation.hardware.checks.Checks.run;

import io.lotabots.attestation.hardware.tpm.SyntheticQuote;
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
