package io.lotabots.attestation.hardware.tpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

class PemPublicKeyTest {

    private static void assertFailsWith(String pem, String expected) {
        var message = assertThrows(MalformedEvidenceException.class, () -> PemPublicKey.parse(pem))
                .getMessage();
        assertTrue(message.contains(expected), message);
    }

    @Test
    void readsEcP256AndP384AndRsaKeys() throws Exception {
        for (var key : new java.security.PublicKey[] {
            PublicAreas.newEcKeyPair("secp256r1").getPublic(),
            PublicAreas.newEcKeyPair("secp384r1").getPublic(),
            SyntheticQuote.keys(SyntheticQuote.Kind.RSASSA_2048).getPublic()
        }) {
            assertEquals(key, PemPublicKey.parse(SyntheticQuote.pem(key)));
        }
    }

    @Test
    void rejectsTextWithoutAPublicKeyBlock() {
        assertFailsWith("hello", "no -----BEGIN PUBLIC KEY-----");
    }

    @Test
    void rejectsBadBase64() {
        assertFailsWith("-----BEGIN PUBLIC KEY-----\nA\n-----END PUBLIC KEY-----", "bad base64");
    }

    @Test
    void rejectsBytesThatAreNoKey() {
        assertFailsWith("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "not an RSA or EC");
    }

    @Test
    void rejectsKeysOfOtherAlgorithms() throws Exception {
        var ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();

        assertFailsWith(SyntheticQuote.pem(ed25519), "not an RSA or EC");
    }

    @Test
    void rejectsAnEcKeyLabelledRsa() throws Exception {
        var ec = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();
        var info = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(ec.getEncoded());
        var relabelled = new org.bouncycastle.asn1.x509.SubjectPublicKeyInfo(
                new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                        org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption,
                        org.bouncycastle.asn1.DERNull.INSTANCE),
                info.getPublicKeyData().getBytes());
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getEncoder().encodeToString(relabelled.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";

        assertFailsWith(pem, "not an RSA or EC");
    }

    @Test
    void rejectsRsaKeysShorterThan2048Bits() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);

        assertFailsWith(SyntheticQuote.pem(generator.generateKeyPair().getPublic()), "RSA key of 1024 bits");
    }

    @Test
    void rejectsAbsence() {
        assertFailsWith(null, "absent");
    }
}
