package io.lotabots.attestation.hardware.checks;

import static io.lotabots.attestation.hardware.checks.Checks.assertFailed;
import static io.lotabots.attestation.hardware.checks.Checks.assertPassed;
import static io.lotabots.attestation.hardware.checks.Checks.assertSkipped;
import static io.lotabots.attestation.hardware.checks.Checks.run;

import io.lotabots.attestation.hardware.tpm.PublicAreas;
import io.lotabots.attestation.hardware.tpm.SyntheticQuote;
import org.junit.jupiter.api.Test;

class SignatureCheckTest {

    private final SignatureCheck check = new SignatureCheck();

    @Test
    void quotesSignedInEachSchemePass() {
        for (var kind : SyntheticQuote.Kind.values()) {
            assertPassed(run(check, SyntheticQuote.of(kind), Inputs.permissive()));
        }
    }

    @Test
    void aQuoteChangedAfterSigningFails() {
        var quote = SyntheticQuote.ecdsa();
        var signed = quote.message();
        quote.signature = quote.sign(signed, quote.keys.getPrivate());
        quote.attest.clock += 1;
        quote.quote = null;

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.SIGNATURE_INVALID, "does not verify");
    }

    @Test
    void aQuoteSignedByAnotherKeyFails() {
        var quote = SyntheticQuote.ecdsa();
        quote.signature = quote.sign(
                quote.message(), PublicAreas.newEcKeyPair("secp256r1").getPrivate());

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.SIGNATURE_INVALID, "ECDSA/sha256");
    }

    @Test
    void anUnreadableSignatureIsSkipped() {
        var quote = SyntheticQuote.ecdsa();
        quote.signature = new byte[1];

        assertSkipped(run(check, quote, Inputs.permissive()));
    }
}
