package io.lotabots.attestation.hardware.checks;

import static io.lotabots.attestation.hardware.checks.Checks.assertFailed;
import static io.lotabots.attestation.hardware.checks.Checks.assertPassed;
import static io.lotabots.attestation.hardware.checks.Checks.run;

import io.lotabots.attestation.control.NonceConsumption;
import io.lotabots.attestation.hardware.tpm.Marshalled;
import io.lotabots.attestation.hardware.tpm.SyntheticQuote;
import org.junit.jupiter.api.Test;

class NonceCheckTest {

    private final NonceCheck check = new NonceCheck();
    private final SyntheticQuote quote = SyntheticQuote.ecdsa();

    private Inputs withStatus(NonceConsumption status) {
        var inputs = Inputs.permissive();
        inputs.nonceStatus = status;
        return inputs;
    }

    @Test
    void anIssuedUnusedNonceQuotedAsExtraDataPasses() {
        assertPassed(run(check, quote, Inputs.permissive()));
    }

    @Test
    void unknownExpiredAndReusedNoncesFailEachWithItsOwnReason() {
        assertFailed(run(check, quote, withStatus(NonceConsumption.UNKNOWN)), ReasonCode.NONCE_UNKNOWN, "not issued");
        assertFailed(run(check, quote, withStatus(NonceConsumption.EXPIRED)), ReasonCode.NONCE_EXPIRED, "expired");
        assertFailed(run(check, quote, withStatus(NonceConsumption.REUSED)), ReasonCode.NONCE_REUSED, "used before");
        assertFailed(run(check, quote, withStatus(null)), ReasonCode.NONCE_UNKNOWN, "not issued");
    }

    @Test
    void aQuoteOverAnotherNonceFails() {
        quote.quote = quote.message();
        quote.nonce = Marshalled.filled(32, 0x5B);

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.NONCE_MISMATCH, "extraData differs");
    }

    @Test
    void aNoncePrefixIsNotTheNonce() {
        quote.quote = quote.message();
        quote.nonce = Marshalled.filled(16, 0x5A);

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.NONCE_MISMATCH, "extraData differs");
    }
}
