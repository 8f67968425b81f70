package io.lotabots.testkit.tpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kit makes evidence that tpm2-tools itself accepts: the tests of the verifier rest on it. */
class SoftwareTpmTest {

    private static final String PCRS = "sha256:0,1,2,3,4,5,6,7";
    private static SoftwareTpm tpm;

    @BeforeAll
    static void start() {
        tpm = SoftwareTpm.start();
    }

    @AfterAll
    static void stop() {
        tpm.close();
    }

    @Test
    void quotesWithAnEccAkAreAcceptedByTpm2CheckQuote() throws Exception {
        var ak = tpm.createAttestationKey(AkKind.ECC_P256);
        byte[] nonce = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        var quote = tpm.quote(ak, nonce, PCRS);

        assertEquals(145, quote.message().length, "TPMS_ATTEST with a 32-byte nonce and sha256:0-7");
        assertEquals(72, quote.signature().length, "TPMT_SIGNATURE with a P-256 ECDSA signature");
        assertEquals(668, quote.pcrs().length, "the serialized PCR file");
        assertTrue(ak.publicPem().startsWith("-----BEGIN PUBLIC KEY-----"));
        assertEquals(34, ak.name().length, "nameAlg sha256 + digest");
        assertTrue(checkQuote(ak, quote, nonce).contains("sha256"));
    }

    @Test
    void tpm2CheckQuoteRefusesAQuoteForAnotherNonce() throws Exception {
        var ak = tpm.createAttestationKey(AkKind.RSA_2048_RSASSA);
        var quote = tpm.quote(ak, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, PCRS);

        assertEquals(262, quote.signature().length, "TPMT_SIGNATURE with an RSA-2048 signature");
        assertThrows(TpmCommandException.class, () -> checkQuote(ak, quote, new byte[] {8, 7, 6, 5, 4, 3, 2, 1}));
    }

    @Test
    void rsaPssAksQuoteWithThePssScheme() {
        var ak = tpm.createAttestationKey(AkKind.RSA_2048_RSAPSS);
        var quote = tpm.quote(ak, new byte[16], PCRS, "values");

        assertEquals(0x0016, ((quote.signature()[0] & 0xff) << 8) | (quote.signature()[1] & 0xff), "TPM_ALG_RSAPSS");
        assertEquals(8 * 32, quote.pcrs().length, "the values PCR file: eight sha256 digests");
    }

    @Test
    void extendingAPcrChangesItsValue() {
        byte[] before = tpm.readPcrs("sha256", 9).get(9);
        tpm.extendPcr("sha256", 9, new byte[32]);
        assertNotEquals(
                HexFormat.of().formatHex(before),
                HexFormat.of().formatHex(tpm.readPcrs("sha256", 9).get(9)));
    }

    @Test
    void theEkCertificateIsIssuedByTheKitsOwnCa() throws Exception {
        var ek = tpm.endorsementKey(EkKind.RSA_2048);
        var factory = CertificateFactory.getInstance("X.509");
        var issuer = (X509Certificate) factory.generateCertificate(
                new ByteArrayInputStream(tpm.endorsementCaCertificates().get(1).getBytes(StandardCharsets.US_ASCII)));
        var certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(ek.certificate()));

        certificate.verify(issuer.getPublicKey());
        assertEquals(issuer.getSubjectX500Principal(), certificate.getIssuerX500Principal());
    }

    @Test
    void aCredentialMadeForTheAksNameIsActivatedByItsTpm() {
        var ak = tpm.createAttestationKey(AkKind.ECC_P256);
        byte[] secret = "sixteen byte key".getBytes(StandardCharsets.US_ASCII);
        byte[] credential = tpm.makeCredentialWithTools(tpm.endorsementKey(EkKind.RSA_2048), ak.name(), secret);

        assertArrayEquals(secret, tpm.activateCredential(ak, credential));
    }

    @Test
    void aCredentialMadeForAnotherNameIsRefused() {
        var ak = tpm.createAttestationKey(AkKind.ECC_P256);
        var other = tpm.createAttestationKey(AkKind.ECC_P256);
        byte[] credential =
                tpm.makeCredentialWithTools(tpm.endorsementKey(EkKind.RSA_2048), other.name(), new byte[16]);

        assertThrows(TpmCommandException.class, () -> tpm.activateCredential(ak, credential));
    }

    @Test
    void aRebootKeepsTheAkAndRaisesTheResetCount() {
        var ak = tpm.createAttestationKey(AkKind.ECC_P256);
        var before = tpm.quote(ak, new byte[8], PCRS);
        tpm.reboot();
        var after = tpm.quote(ak, new byte[8], PCRS);

        // TPMS_ATTEST: magic 4, type 2, signer 2+34, extraData 2+8, then clock u64 and resetCount u32
        int resetCountOffset = 4 + 2 + 36 + 10 + 8;
        assertEquals(readU32(before.message(), resetCountOffset) + 1, readU32(after.message(), resetCountOffset));
    }

    private static String checkQuote(AttestationKey ak, Quote quote, byte[] nonce) throws Exception {
        var dir = Files.createTempDirectory(tpm.workDir(), "check");
        Files.writeString(dir.resolve("ak.pem"), ak.publicPem());
        Files.write(dir.resolve("q.msg"), quote.message());
        Files.write(dir.resolve("q.sig"), quote.signature());
        Files.write(dir.resolve("q.pcrs"), quote.pcrs());
        return Tpm2Tools.Processes.run(
                java.util.List.of(
                        "tpm2_checkquote",
                        "-u",
                        "ak.pem",
                        "-m",
                        "q.msg",
                        "-s",
                        "q.sig",
                        "-f",
                        "q.pcrs",
                        "-g",
                        "sha256",
                        "-q",
                        HexFormat.of().formatHex(nonce)),
                dir,
                null);
    }

    private static long readU32(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xffL) << 24)
                | ((bytes[offset + 1] & 0xffL) << 16)
                | ((bytes[offset + 2] & 0xffL) << 8)
                | (bytes[offset + 3] & 0xffL);
    }
}
