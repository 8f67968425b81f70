package io.lotabots.attestation.model.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.platform.crypto.BouncyCastle;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureTrustTest {

    @Test
    void severalBlocksInOneTextAreAllTrusted() {
        String keys = TestSigningKeys.pem(
                        TestSigningKeys.generate(EcdsaCurve.P256).getPublic())
                + "comment between blocks\n"
                + TestSigningKeys.pem(TestSigningKeys.generate(EcdsaCurve.P384).getPublic());
        TestCertificateAuthority root = TestCertificateAuthority.root("Trust Test Root");
        String ca = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(encoded(root))
                + "\n-----END CERTIFICATE-----\n";

        SignatureTrust trust = SignatureTrust.fromPem(List.of(keys), List.of(ca, ca));

        assertEquals(2, trust.publicKeys().size());
        assertEquals(2, trust.certificateAuthorities().size());
    }

    @Test
    void rsaKeyIsRefusedNamingWhichKey() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String pem =
                PublicKeyHint.canonicalPem(rsa.generateKeyPair().getPublic().getEncoded());
        String ok =
                TestSigningKeys.pem(TestSigningKeys.generate(EcdsaCurve.P256).getPublic());

        var e = assertThrows(IllegalArgumentException.class, () -> SignatureTrust.fromPem(List.of(ok, pem), List.of()));

        assertTrue(e.getMessage().startsWith("trusted key 2:"), e.getMessage());
    }

    @Test
    void keyOnAnotherCurveIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
        generator.initialize(new ECGenParameterSpec("secp256k1"));
        PublicKey k1 = generator.generateKeyPair().getPublic();

        var e = assertThrows(
                IllegalArgumentException.class,
                () -> SignatureTrust.fromPem(List.of(TestSigningKeys.pem(k1)), List.of()));

        assertTrue(e.getMessage().startsWith("trusted key 1:"), e.getMessage());
        assertTrue(EcdsaCurve.of(k1).isEmpty(), "secp256k1 has a 256-bit field but is not P-256");
        assertThrows(IllegalArgumentException.class, () -> new SignatureTrust(List.of(k1), List.of()));
    }

    @Test
    void textWithoutPemIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SignatureTrust.fromPem(List.of("hello"), List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> SignatureTrust.fromPem(
                        List.of(), List.of("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")));
        assertThrows(
                IllegalArgumentException.class,
                () -> SignatureTrust.fromPem(
                        List.of(),
                        List.of(TestSigningKeys.pem(
                                TestSigningKeys.generate(EcdsaCurve.P256).getPublic()))));
    }

    private static byte[] encoded(TestCertificateAuthority authority) {
        try {
            return authority.certificate.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
