package io.lotabots.attestation.hardware.tpm;

import static io.lotabots.attestation.hardware.tpm.Marshalled.filled;
import static io.lotabots.attestation.hardware.tpm.Marshalled.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TpmPublicTest {

    private static final byte[] RSASSA_SHA256 =
            Marshalled.bytes().u16(0x0014).u16(0x000B).build();

    @Test
    void readsTheEcdsaAkThatTpm2CreateakWrote() {
        TpmPublic ak = TpmPublic.parse(resource("ak-ecc.pub"));

        assertEquals(TpmHash.SHA256, ak.nameAlg());
        assertEquals(0x00050072L, ak.attributes().value());
        assertTrue(ak.attributes().attestationKey());
        assertEquals(new TpmScheme(0x0018, 0x000B, 0), ak.scheme());
        assertEquals(EccCurve.P256, ((TpmKeyParameters.Ecc) ak.key()).curve());
        assertArrayEquals(resource("ak-ecc.name"), ak.name());
        assertEquals("EC", ak.publicKey().getAlgorithm());
    }

    @Test
    void computesTheNameTpm2CreateakPrintedForAnRsaAk() {
        TpmPublic ak = TpmPublic.parse(resource("ak-rsa.pub"));

        assertTrue(ak.isRsa());
        assertArrayEquals(resource("ak-rsa.name"), ak.name());
        assertArrayEquals(resource("ak-rsa.pub"), ak.tpm2bPublic());
    }

    @Test
    void readsAnRsaEkWithItsStorageParametersAndTheDefaultExponent() {
        TpmPublic ek = TpmPublic.parse(resource("ek-rsa.pub"));

        assertEquals(new SymmetricDefinition(0x0006, 128, 0x0043), ek.symmetric());
        assertTrue(ek.scheme().isNull());
        assertEquals(32, ek.authPolicy().length);
        TpmKeyParameters.Rsa rsa = (TpmKeyParameters.Rsa) ek.key();
        assertEquals(2048, rsa.keyBits());
        assertEquals(65537, rsa.exponent());
        assertEquals(pem("ek-rsa.pem", "RSA"), ek.publicKey());
    }

    @Test
    void readsAnEccEkAndItsKeyMatchesTheOneReadpublicWroteAsPem() {
        TpmPublic ek = TpmPublic.parse(resource("ek-ecc.pub"));

        TpmKeyParameters.Ecc ecc = (TpmKeyParameters.Ecc) ek.key();
        assertEquals(EccCurve.P256, ecc.curve());
        assertTrue(ecc.kdf().isNull());
        assertEquals(pem("ek-ecc.pem", "EC"), ek.publicKey());
    }

    @Test
    void objectAttributesOfAnEkSayStorageKeyNotSigningKey() {
        ObjectAttributes attributes = TpmPublic.parse(resource("ek-rsa.pub")).attributes();

        assertTrue(attributes.fixedTpm());
        assertTrue(attributes.fixedParent());
        assertTrue(attributes.sensitiveDataOrigin());
        assertTrue(attributes.adminWithPolicy());
        assertTrue(attributes.restricted());
        assertTrue(attributes.decrypt());
        assertFalse(attributes.sign());
        assertFalse(attributes.userWithAuth());
        assertFalse(attributes.attestationKey());
    }

    @Test
    void turnsHandBuiltAreasBackIntoTheJcaKeysTheyWereBuiltFrom() {
        RSAPublicKey rsa = PublicAreas.newRsaKey();
        KeyPair p384 = PublicAreas.newEcKeyPair("secp384r1");
        byte[] p384Area = PublicAreas.ecc(
                PublicAreas.AK_ATTRIBUTES,
                0x0004,
                PublicAreas.unsigned(((ECPublicKey) p384.getPublic()).getW().getAffineX(), 48),
                PublicAreas.unsigned(((ECPublicKey) p384.getPublic()).getW().getAffineY(), 48));

        assertEquals(
                rsa, TpmPublic.parse(PublicAreas.tpm2b(PublicAreas.rsaAk(rsa))).publicKey());
        assertEquals(
                p384.getPublic(), TpmPublic.parse(PublicAreas.tpm2b(p384Area)).publicKey());
    }

    @Test
    void keepsAnExplicitExponent() {
        byte[] area = PublicAreas.rsa(PublicAreas.AK_ATTRIBUTES, RSASSA_SHA256, 2048, 3, filled(256, 0xC1));

        assertEquals(
                3,
                ((TpmKeyParameters.Rsa) TpmPublic.parse(PublicAreas.tpm2b(area)).key()).exponent());
    }

    @Test
    void readsTheConditionalSchemeFields() {
        byte[] rsaes = Marshalled.bytes().u16(0x0015).build();
        TpmPublic withRsaes = TpmPublic.parse(PublicAreas.tpm2b(PublicAreas.rsa(0, rsaes, 2048, 0, filled(256, 1))));
        assertEquals(new TpmScheme(0x0015, 0x0010, 0), withRsaes.scheme());

        byte[] ecdaa = Marshalled.bytes()
                .u16(0x0023)
                .u16(0x000B)
                .u32(0)
                .sized(new byte[0])
                .u16(0x0006)
                .u16(128)
                .u16(0x0043)
                .u16(0x001A)
                .u16(0x000B)
                .u16(7)
                .u16(0x0003)
                .u16(0x0020)
                .u16(0x000B)
                .sized(filled(32, 1))
                .sized(filled(32, 2))
                .build();
        TpmPublic withEcdaa = TpmPublic.parse(PublicAreas.tpm2b(ecdaa));
        assertEquals(new SymmetricDefinition(0x0006, 128, 0x0043), withEcdaa.symmetric());
        assertEquals(new TpmScheme(0x001A, 0x000B, 7), withEcdaa.scheme());
        assertEquals(new TpmScheme(0x0020, 0x000B, 0), ((TpmKeyParameters.Ecc) withEcdaa.key()).kdf());
    }

    @Test
    void rejectsAnOuterSizeThatRunsPastTheBuffer() {
        byte[] area = resource("ak-ecc.pub");
        area[1] = (byte) (area[1] + 1);

        assertMalformed(area, "size");
    }

    @Test
    void rejectsBytesAfterTheDeclaredSize() {
        byte[] area = resource("ak-ecc.pub");
        byte[] longer = Arrays.copyOf(area, area.length + 1);

        assertMalformed(longer, "does not match");
    }

    @Test
    void rejectsTrailingBytesInsideTheDeclaredSize() {
        byte[] tpmt = resource("ak-ecc.pub");
        byte[] padded = Arrays.copyOfRange(tpmt, 2, tpmt.length + 3);

        assertMalformed(PublicAreas.tpm2b(padded), "3 trailing bytes");
    }

    @Test
    void rejectsAnAuthPolicySizeThatRunsPastTheBuffer() {
        byte[] tpmt = Marshalled.bytes()
                .u16(0x0023)
                .u16(0x000B)
                .u32(0)
                .u16(60)
                .raw(filled(10, 0))
                .build();

        assertMalformed(PublicAreas.tpm2b(tpmt), "authPolicy needs 60 bytes but 10 remain");
    }

    @Test
    void rejectsAnAuthPolicyLongerThanAnyDigest() {
        byte[] tpmt = Marshalled.bytes()
                .u16(0x0023)
                .u16(0x000B)
                .u32(0)
                .sized(filled(65, 0))
                .build();

        assertMalformed(PublicAreas.tpm2b(tpmt), "authPolicy size 65 exceeds the maximum of 64");
    }

    @Test
    void rejectsAModulusSizeThatRunsPastTheBuffer() {
        byte[] area = PublicAreas.rsa(0, RSASSA_SHA256, 2048, 0, filled(256, 1));
        byte[] cut = Arrays.copyOf(area, area.length - 1);

        assertMalformed(PublicAreas.tpm2b(cut), "unique.rsa needs 256 bytes but 255 remain");
    }

    @Test
    void rejectsAModulusOfTheWrongLengthForItsKeyBits() {
        byte[] area = PublicAreas.rsa(0, RSASSA_SHA256, 2048, 0, filled(128, 1));

        assertMalformed(PublicAreas.tpm2b(area), "keyBits 2048 needs 256");
    }

    @Test
    void rejectsAnXCoordinateSizeThatRunsPastTheBuffer() {
        byte[] area = PublicAreas.ecc(0, 0x0003, filled(32, 1), new byte[0]);
        byte[] cut = Arrays.copyOf(area, area.length - 2 - 1);
        assertMalformed(PublicAreas.tpm2b(cut), "unique.x needs 32 bytes but 31 remain");
    }

    @Test
    void rejectsAYCoordinateSizeThatRunsPastTheBuffer() {
        byte[] area = PublicAreas.ecc(0, 0x0003, filled(32, 1), filled(32, 2));
        byte[] cut = Arrays.copyOf(area, area.length - 5);

        assertMalformed(PublicAreas.tpm2b(cut), "unique.y needs 32 bytes but 27 remain");
    }

    @Test
    void rejectsACoordinateLongerThanTheCurve() {
        byte[] area = PublicAreas.ecc(0, 0x0003, filled(33, 1), filled(32, 2));

        assertMalformed(PublicAreas.tpm2b(area), "unique.x size 33 exceeds the maximum of 32");
    }

    @Test
    void rejectsAnEmptyCoordinate() {
        byte[] area = PublicAreas.ecc(0, 0x0003, new byte[0], filled(32, 2));

        assertMalformed(PublicAreas.tpm2b(area), "unique.x is empty");
    }

    @Test
    void rejectsKeyTypesOtherThanRsaAndEcc() {
        byte[] keyedHash = Marshalled.bytes()
                .u16(0x0008)
                .u16(0x000B)
                .u32(0)
                .sized(new byte[0])
                .build();

        assertMalformed(PublicAreas.tpm2b(keyedHash), "type 0x8 is neither RSA");
    }

    @Test
    void rejectsAnUnknownNameAlgorithm() {
        byte[] tpmt = Marshalled.bytes().u16(0x0023).u16(0x0012).build();

        assertMalformed(PublicAreas.tpm2b(tpmt), "nameAlg 0x12");
    }

    @Test
    void rejectsASchemeThatDoesNotBelongToTheKeyType() {
        byte[] ecdsaOnRsa = Marshalled.bytes().u16(0x0018).u16(0x000B).build();

        assertMalformed(
                PublicAreas.tpm2b(PublicAreas.rsa(0, ecdsaOnRsa, 2048, 0, filled(256, 1))),
                "scheme 0x18 is not allowed");
    }

    @Test
    void rejectsAnUnknownCurve() {
        assertMalformed(PublicAreas.tpm2b(PublicAreas.ecc(0, 0x0010, filled(32, 1), filled(32, 1))), "curveID 0x10");
    }

    @Test
    void rejectsAnUnknownSymmetricAlgorithm() {
        byte[] tpmt = Marshalled.bytes()
                .u16(0x0001)
                .u16(0x000B)
                .u32(0)
                .sized(new byte[0])
                .u16(0x000A)
                .build();

        assertMalformed(PublicAreas.tpm2b(tpmt), "symmetric.algorithm 0xa");
    }

    @Test
    void refusesToMakeAKeyOfAPointThatIsNotOnTheCurve() {
        TpmPublic offCurve =
                TpmPublic.parse(PublicAreas.tpm2b(PublicAreas.ecc(0, 0x0003, filled(32, 1), filled(32, 2))));

        MalformedEvidenceException e = assertThrows(MalformedEvidenceException.class, offCurve::publicKey);
        assertTrue(e.getMessage().contains("not a point on P256"), e.getMessage());
    }

    @Test
    void everyTruncationIsMalformedNeverAnotherException() {
        for (String file : new String[] {"ak-ecc.pub", "ak-rsa.pub", "ek-rsa.pub", "ek-ecc.pub"}) {
            byte[] whole = resource(file);
            for (int length = 0; length < whole.length; length++) {
                byte[] cut = Arrays.copyOf(whole, length);
                if (length >= 2) {
                    cut[0] = (byte) ((length - 2) >>> 8);
                    cut[1] = (byte) (length - 2);
                }
                assertThrows(MalformedEvidenceException.class, () -> TpmPublic.parse(cut), file + " cut to " + length);
            }
        }
    }

    private static void assertMalformed(byte[] bytes, String expected) {
        MalformedEvidenceException e = assertThrows(MalformedEvidenceException.class, () -> TpmPublic.parse(bytes));
        assertTrue(e.getMessage().startsWith("TPM2B_PUBLIC: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static PublicKey pem(String file, String algorithm) {
        String text = new String(resource(file), java.nio.charset.StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(text)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
