package io.lotabots.attestation.hardware.checks;

import static io.lotabots.attestation.hardware.checks.Checks.assertFailed;
import static io.lotabots.attestation.hardware.checks.Checks.assertPassed;
import static io.lotabots.attestation.hardware.checks.Checks.assertSkipped;
import static io.lotabots.attestation.hardware.checks.Checks.run;

import io.lotabots.attestation.hardware.tpm.PublicAreas;
import io.lotabots.attestation.hardware.tpm.SyntheticQuote;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;

class AkAttributesCheckTest {

    private final AkAttributesCheck check = new AkAttributesCheck();
    private final SyntheticQuote quote = SyntheticQuote.ecdsa();

    private void withAttributes(long attributes) {
        var key = (ECPublicKey) quote.keys.getPublic();
        quote.akPublicArea = PublicAreas.tpm2b(PublicAreas.ecc(
                attributes,
                0x0003,
                PublicAreas.unsigned(key.getW().getAffineX(), 32),
                PublicAreas.unsigned(key.getW().getAffineY(), 32)));
    }

    @Test
    void aTpm2CreateakKeyPasses() {
        assertPassed(run(check, quote, Inputs.permissive()));
    }

    @Test
    void aKeyThatCanDecryptFails() {
        withAttributes(PublicAreas.AK_ATTRIBUTES | 1L << 17);

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.AK_ATTRIBUTES_INVALID, "0x00070072");
    }

    @Test
    void anUnrestrictedKeyFails() {
        withAttributes(PublicAreas.AK_ATTRIBUTES & ~(1L << 16));

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.AK_ATTRIBUTES_INVALID, "restricted");
    }

    @Test
    void aKeyThatMayLeaveItsTpmFails() {
        withAttributes(PublicAreas.AK_ATTRIBUTES & ~(1L << 1));

        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.AK_ATTRIBUTES_INVALID, "fixedTPM");
    }

    @Test
    void aPemKeyAloneIsSkipped() {
        quote.akPublicArea = null;

        assertSkipped(run(check, quote, Inputs.permissive()));
    }
}
