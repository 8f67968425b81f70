package io.lotabots.attestation.hardware.checks;

import static io.lotabots.attestation.hardware.checks.Checks.assertFailed;
import static io.lotabots.attestation.hardware.checks.Checks.assertPassed;
import static io.lotabots.attestation.hardware.checks.Checks.assertSkipped;
import static io.lotabots.attestation.hardware.checks.Checks.run;

import io.lotabots.attestation.hardware.tpm.PublicAreas;
import io.lotabots.attestation.hardware.tpm.SyntheticQuote;
import io.lotabots.attestation.hardware.tpm.TestAuthority;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AkCertificateCheckTest {

    private static final TestAuthority AK_CA = TestAuthority.root("AK CA");
    private static final TestAuthority ISSUING = AK_CA.intermediate("AK issuing CA");

    private final AkCertificateCheck check = new AkCertificateCheck();
    private final SyntheticQuote quote = SyntheticQuote.ecdsa();

    private Inputs trustingAkCa() {
        var inputs = Inputs.permissive();
        inputs.trustedAkCas = List.of(AK_CA.certificate);
        return inputs;
    }

    private static byte[] pem(java.security.cert.X509Certificate... certificates) {
        return TestAuthority.pem(certificates).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void noCertificateAndNoTrustedCaIsSkipped() {
        assertSkipped(run(check, quote, Inputs.permissive()));
    }

    @Test
    void aPolicyTrustingAkCasRequiresACertificate() {
        assertFailed(run(check, quote, trustingAkCa()), ReasonCode.AK_CERT_UNTRUSTED, "none was sent");
    }

    @Test
    void aCertificateOfThisAkFromATrustedCaPasses() throws Exception {
        quote.akCertificate = AK_CA.leaf("ak", quote.keys.getPublic()).getEncoded();

        assertPassed(run(check, quote, trustingAkCa()));
    }

    @Test
    void anIntermediateSentInTheChainIsUsed() {
        quote.akCertificate = pem(ISSUING.leaf("ak", quote.keys.getPublic()));
        quote.certificateChain = List.of(pem(ISSUING.certificate));

        assertPassed(run(check, quote, trustingAkCa()));
    }

    @Test
    void aCertificateFromAnotherCaFails() {
        quote.akCertificate = pem(TestAuthority.root("rogue").leaf("ak", quote.keys.getPublic()));

        assertFailed(run(check, quote, trustingAkCa()), ReasonCode.AK_CERT_UNTRUSTED, "does not chain");
    }

    @Test
    void anExpiredCertificateFails() {
        quote.akCertificate = pem(AK_CA.leaf(
                "ak",
                quote.keys.getPublic(),
                TestAuthority.NOW.minusSeconds(86_400 * 10),
                TestAuthority.NOW.minusSeconds(86_400)));

        assertFailed(run(check, quote, trustingAkCa()), ReasonCode.AK_CERT_UNTRUSTED, "does not chain");
    }

    @Test
    void aTrustedCertificateOfAnotherKeyFails() {
        quote.akCertificate =
                pem(AK_CA.leaf("ak", PublicAreas.newEcKeyPair("secp256r1").getPublic()));

        assertFailed(run(check, quote, trustingAkCa()), ReasonCode.AK_CERT_MISMATCH, "another key");
    }

    @Test
    void withoutTrustedCasACertificateIsStillMatchedAgainstTheAk() {
        quote.akCertificate = pem(TestAuthority.root("self").leaf("ak", quote.keys.getPublic()));
        assertPassed(run(check, quote, Inputs.permissive()));

        quote.akCertificate = pem(TestAuthority.root("self")
                .leaf("ak", PublicAreas.newEcKeyPair("secp256r1").getPublic()));
        assertFailed(run(check, quote, Inputs.permissive()), ReasonCode.AK_CERT_MISMATCH, "another key");
    }

    @Test
    void anUnreadableCertificateFails() {
        quote.akCertificate = new byte[] {0x30, 0x03, 1, 2, 3};

        assertFailed(run(check, quote, trustingAkCa()), ReasonCode.AK_CERT_UNTRUSTED, "");
    }
}
