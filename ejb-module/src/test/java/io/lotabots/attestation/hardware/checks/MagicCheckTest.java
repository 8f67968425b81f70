package io.lotabots.attestation.hardware.checks;

import static io.lotabots.attestation.hardware.checks.Checks.assertFailed;
import static io.lotabots.attestation.hardware.checks.Checks.assertPassed;
import static io.lotabots.attestation.hardware.checks.Checks.assertSkipped;
import static io.lotabots.attestation.hardware.checks.Checks.run;

import io.lotabots.attestation.hardware.tpm.SyntheticQuote;
import org.junit.jupiter.api.Test;

class MagicCheckTest {

    private final MagicCheck check = new MagicCheck();
    private final SyntheticQuote quote = SyntheticQuote.ecdsa();

    @Test
    void aTpmGeneratedQuotePasses() {
        assertPassed(run(check, quote, Inputs.permissive()));
    }

    @Test
    void anyOtherMagicFails() {
        quote.attest.magic = 0x47435054L;

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.BAD_MAGIC, "magic is 0x47435054");
    }

    @Test
    void anUnreadableQuoteIsSkipped() {
        quote.quote = new byte[3];

        assertSkipped(run(check, quote, Inputs.permissive()));
    }
}
