package io.lotabots.attestation.hardware.tpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class CertificatesTest {

    private static final TestAuthority ROOT = TestAuthority.root("TPM Vendor Root");
    private static final TestAuthority INTERMEDIATE = ROOT.intermediate("TPM Vendor EK CA 1");
    private static final PublicKey EK = PublicAreas.newRsaKey();
    private static final X509Certificate LEAF = INTERMEDIATE.leaf("EK", EK);

    @Test
    void readsOnePemCertificate() throws Exception {
        List<X509Certificate> parsed = Certificates.parse(TestAuthority.pem(LEAF));

        assertEquals(List.of(LEAF), parsed);
    }

    @Test
    void readsEveryCertificateOfAPemBundleInOrder() {
        List<X509Certificate> parsed =
                Certificates.parse(TestAuthority.pem(LEAF, INTERMEDIATE.certificate, ROOT.certificate));

        assertEquals(List.of(LEAF, INTERMEDIATE.certificate, ROOT.certificate), parsed);
    }

    @Test
    void readsDerAndBase64Der() throws Exception {
        byte[] der = LEAF.getEncoded();

        assertEquals(LEAF, Certificates.parseOne(der));
        assertEquals(List.of(LEAF), Certificates.parse(Base64.getEncoder().encodeToString(der)));
    }

    @Test
    void acceptsTheNonStrictDerVendorsShipAndValidatesItsSignature() throws Exception {
        byte[] lenient = INTERMEDIATE.nonStrictLeaf("Lenient EK", EK);

        X509Certificate parsed = Certificates.parseOne(lenient);

        assertEquals(EK, parsed.getPublicKey());
        ChainValidation result = Certificates.validate(
                parsed, List.of(INTERMEDIATE.certificate), List.of(ROOT.certificate), TestAuthority.NOW);
        assertTrue(result.trusted(), result.detail());
        assertThrows(
                Exception.class,
                () -> CertificateFactory.getInstance("X.509", new BouncyCastleProvider())
                        .generateCertificate(new ByteArrayInputStream(lenient)),
                "Bouncy Castle's defaults refuse what we accept");
    }

    @Test
    void rejectsBytesThatAreNoCertificate() {
        assertMalformed("hello".getBytes(StandardCharsets.US_ASCII), "not base64");
        assertMalformed(new byte[0], "no certificate bytes");
        assertMalformed(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, "X.509: not a certificate");
    }

    @Test
    void rejectsTruncatedDer() throws Exception {
        byte[] der = LEAF.getEncoded();

        assertThrows(MalformedEvidenceException.class, () -> Certificates.parse(Arrays.copyOf(der, der.length - 10)));
    }

    @Test
    void rejectsPemWithoutACompleteBlock() {
        assertMalformed(
                "-----BEGIN CERTIFICATE-----\nMIIB\n".getBytes(StandardCharsets.US_ASCII),
                "no complete BEGIN/END CERTIFICATE block");
    }

    @Test
    void rejectsMoreCertificatesThanAnyChainHas() {
        X509Certificate[] many = new X509Certificate[Certificates.MAX_CERTIFICATES + 1];
        Arrays.fill(many, LEAF);

        assertMalformed(TestAuthority.pem(many).getBytes(StandardCharsets.US_ASCII), "more than 16");
    }

    @Test
    void rejectsTwoCertificatesWhereOneIsExpected() {
        assertMalformed(
                () -> Certificates.parseOne(
                        TestAuthority.pem(LEAF, ROOT.certificate).getBytes(StandardCharsets.US_ASCII)),
                "expected one certificate, found 2");
    }

    @Test
    void trustsALeafThroughItsIntermediateToTheAnchor() {
        ChainValidation result = Certificates.validate(
                LEAF, List.of(INTERMEDIATE.certificate), List.of(ROOT.certificate), TestAuthority.NOW);

        assertTrue(result.trusted(), result.detail());
        assertEquals(2, result.pathLength());
    }

    @Test
    void findsThePathWhateverTheOrderOfTheIntermediates() {
        TestAuthority second = INTERMEDIATE.intermediate("TPM Vendor EK CA 2");
        X509Certificate deepLeaf = second.leaf("EK deep", EK);
        List<X509Certificate> intermediates = new java.util.ArrayList<>(
                List.of(INTERMEDIATE.certificate, second.certificate, TestAuthority.root("Noise").certificate));
        Collections.reverse(intermediates);

        assertTrue(Certificates.validate(deepLeaf, intermediates, List.of(ROOT.certificate), TestAuthority.NOW)
                .trusted());
    }

    @Test
    void trustsALeafIssuedDirectlyByAnAnchor() {
        assertTrue(Certificates.validate(LEAF, List.of(), List.of(INTERMEDIATE.certificate), TestAuthority.NOW)
                .trusted());
    }

    @Test
    void doesNotTrustAChainToAnotherRoot() {
        TestAuthority otherRoot = TestAuthority.root("Someone Else");

        assertFalse(Certificates.validate(
                        LEAF, List.of(INTERMEDIATE.certificate), List.of(otherRoot.certificate), TestAuthority.NOW)
                .trusted());
    }

    @Test
    void doesNotTrustALeafWhoseIntermediateIsMissing() {
        assertFalse(Certificates.validate(LEAF, List.of(), List.of(ROOT.certificate), TestAuthority.NOW)
                .trusted());
    }

    @Test
    void doesNotTrustAChainThroughAnIntermediateThatMerelyHasTheRightName() {
        TestAuthority impostorRoot = TestAuthority.root("TPM Vendor Root");
        TestAuthority impostor = impostorRoot.intermediate("TPM Vendor EK CA 1");
        X509Certificate forged = impostor.leaf("EK", EK);

        ChainValidation result = Certificates.validate(
                forged,
                List.of(INTERMEDIATE.certificate, impostor.certificate),
                List.of(ROOT.certificate),
                TestAuthority.NOW);

        assertFalse(result.trusted(), result.detail());
    }

    @Test
    void doesNotTrustAnExpiredLeaf() {
        X509Certificate expired = INTERMEDIATE.leaf(
                "old EK",
                EK,
                TestAuthority.NOW.minus(Duration.ofDays(20)),
                TestAuthority.NOW.minus(Duration.ofDays(10)));

        ChainValidation result = Certificates.validate(
                expired, List.of(INTERMEDIATE.certificate), List.of(ROOT.certificate), TestAuthority.NOW);

        assertFalse(result.trusted());
        assertTrue(result.detail().contains("NotAfter"), result.detail());
    }

    @Test
    void judgesValidityAtTheGivenTimeNotNow() {
        Instant later = TestAuthority.NOW.plus(Duration.ofDays(400));

        assertFalse(Certificates.validate(LEAF, List.of(INTERMEDIATE.certificate), List.of(ROOT.certificate), later)
                .trusted());
        assertFalse(Certificates.validate(
                        LEAF,
                        List.of(INTERMEDIATE.certificate),
                        List.of(ROOT.certificate),
                        TestAuthority.NOW.minus(Duration.ofDays(2)))
                .trusted());
    }

    @Test
    void trustsNothingWithoutAnchors() {
        assertEquals(
                "no trust anchors are configured",
                Certificates.validate(LEAF, List.of(), List.of(), TestAuthority.NOW)
                        .detail());
    }

    private static void assertMalformed(byte[] bytes, String expected) {
        assertMalformed(() -> Certificates.parse(bytes), expected);
    }

    private static void assertMalformed(org.junit.jupiter.api.function.Executable call, String expected) {
        MalformedEvidenceException e = assertThrows(MalformedEvidenceException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
