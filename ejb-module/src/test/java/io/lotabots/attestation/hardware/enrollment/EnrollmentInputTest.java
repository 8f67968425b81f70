package io.lotabots.attestation.hardware.enrollment;

import static io.lotabots.attestation.hardware.tpm.Marshalled.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.hardware.tpm.PublicAreas;
import io.lotabots.attestation.hardware.tpm.TestAuthority;
import io.lotabots.attestation.hardware.tpm.TpmPublic;
import io.lotabots.platform.refusal.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrollmentInputTest {

    private static final String AK = base64(resource("ak-ecc.pub"));
    private static final String EK_AREA = base64(resource("ek-rsa.pub"));
    private static final String EK_PEM = new String(resource("ek-rsa.pem"), StandardCharsets.US_ASCII);

    @Test
    void takesTheEkAsItsPublicArea() {
        EnrollmentInput input =
                EnrollmentInput.read("runner", null, null, EK_AREA, AK).input();

        assertArrayEquals(resource("ek-rsa.pub"), input.ek().tpm2bPublic());
        assertArrayEquals(resource("ak-ecc.name"), input.ak().name());
        assertEquals("runner", input.name());
    }

    @Test
    void takesTheEkAsAPemKeyInTheDefaultTemplate() {
        EnrollmentInput input =
                EnrollmentInput.read(null, null, EK_PEM, null, AK).input();

        assertArrayEquals(resource("ek-rsa.pub"), input.ek().tpm2bPublic());
    }

    @Test
    void takesTheEkAsACertificateAndKeepsIt() throws Exception {
        var key = TpmPublic.parse(resource("ek-ecc.pub")).publicKey();
        var certificate = TestAuthority.root("EK CA").leaf("EK", key);

        EnrollmentInput input = EnrollmentInput.read(null, TestAuthority.pem(certificate), null, null, AK)
                .input();

        assertArrayEquals(resource("ek-ecc.pub"), input.ek().tpm2bPublic());
        assertArrayEquals(certificate.getEncoded(), input.ekCertificate());
    }

    @Test
    void refusesAnEkCertificateForAnotherKeyThanTheArea() {
        var certificate = TestAuthority.root("EK CA").leaf("EK", PublicAreas.newRsaKey());

        var problems = EnrollmentInput.read(null, TestAuthority.pem(certificate), null, EK_AREA, AK)
                .problems();

        assertEquals(List.of(new FieldProblem("ekCertificate", "is not the key of ekPublicArea")), problems);
    }

    @Test
    void refusesAnAkThatIsNoAttestationKey() {
        var problems = EnrollmentInput.read(null, null, null, EK_AREA, EK_AREA).problems();

        assertEquals("akPublicArea", problems.get(0).field());
        assertTrue(
                problems.get(0).message().contains("restricted signing key"),
                problems.get(0).message());
    }

    @Test
    void refusesAnAkUsedAsEk() {
        var problems = EnrollmentInput.read(null, null, null, AK, AK).problems();

        assertEquals(
                List.of("ekPublicArea"),
                problems.stream().map(FieldProblem::field).toList());
    }

    @Test
    void reportsEveryMissingOrMalformedField() {
        var problems = EnrollmentInput.read(" ", "not a cert", "not a key", "%%%", null)
                .problems();

        assertEquals(
                List.of("name", "ekCertificate", "ekPublicKey", "ekPublicArea", "akPublicArea"),
                problems.stream().map(FieldProblem::field).toList());
    }

    @Test
    void needsSomeEk() {
        var result = EnrollmentInput.read(null, null, null, null, AK);

        assertNull(result.input());
        assertEquals("ekCertificate", result.problems().get(0).field());
    }

    @Test
    void refusesAnEkKeyWithoutADefaultTemplate() {
        var p384 = PublicAreas.newEcKeyPair("secp384r1").getPublic();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(p384.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";

        var problems = EnrollmentInput.read(null, null, pem, null, AK).problems();

        assertTrue(problems.get(0).message().contains("only RSA-2048 and ECC P-256"), problems.toString());
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
