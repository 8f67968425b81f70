package io.lotabots.attestation.hardware.checks;

import static io.lotabots.attestation.hardware.checks.Checks.assertFailed;
import static io.lotabots.attestation.hardware.checks.Checks.assertPassed;
import static io.lotabots.attestation.hardware.checks.Checks.assertSkipped;
import static io.lotabots.attestation.hardware.checks.Checks.run;

import io.lotabots.attestation.hardware.tpm.PublicAreas;
import io.lotabots.attestation.hardware.tpm.SyntheticQuote;
import io.lotabots.attestation.hardware.tpm.TestAuthority;
import java.util.List;
import org.junit.jupiter.api.Test;

class EkCertificateCheckTest {

    private static final TestAuthority VENDOR = TestAuthority.root("TPM vendor root");
    private static final java.security.PublicKey EK =
            PublicAreas.newEcKeyPair("secp256r1").getPublic();

    private final EkCertificateCheck check = new EkCertificateCheck();
    private final SyntheticQuote quote = SyntheticQuote.ecdsa();

    private Inputs trustingVendor() {
        var inputs = Inputs.permissive();
        inputs.trustedEkCas = List.of(VENDOR.certificate);
        return inputs;
    }

    @Test
    void aPolicyTrustingNoEkCaSkipsTheCheck() throws Exception {
        quote.ekCertificate = VENDOR.leaf("ek", EK).getEncoded();

        assertSkipped(run(check, quote, Inputs.permissive()));
    }

    @Test
    void aPolicyTrustingEkCasRequiresACertificate() {
        assertFailed(run(check, quote, trustingVendor()), ReasonCode.EK_CERT_UNTRUSTED, "none was sent");
    }

    @Test
    void anEkCertificateFromTheVendorPasses() throws Exception {
        quote.ekCertificate = VENDOR.leaf("ek", EK).getEncoded();

        assertPassed(run(check, quote, trustingVendor()));
    }

    @Test
    void theNonStrictDerVendorsShipPasses() {
        quote.ekCertificate = VENDOR.nonStrictLeaf("ek", EK);

        assertPassed(run(check, quote, trustingVendor()));
    }

    @Test
    void anEkCertificateFromAnotherVendorFails() throws Exception {
        quote.ekCertificate = TestAuthority.root("other vendor").leaf("ek", EK).getEncoded();

        assertFailed(run(check, quote, trustingVendor()), ReasonCode.EK_CERT_UNTRUSTED, "does not chain");
    }

    @Test
    void anUnreadableCertificateFails() {
        quote.ekCertificate = "not a certificate".getBytes();

        assertFailed(run(check, quote, trustingVendor()), ReasonCode.EK_CERT_UNTRUSTED, "");
    }
}
