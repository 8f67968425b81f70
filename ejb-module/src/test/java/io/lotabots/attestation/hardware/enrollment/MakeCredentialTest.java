package io.lotabots.attestation.hardware.enrollment;

import static io.lotabots.attestation.hardware.tpm.Marshalled.filled;
import static io.lotabots.attestation.hardware.tpm.Marshalled.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lotabots.attestation.hardware.tpm.Marshalled;
import io.lotabots.attestation.hardware.tpm.PublicAreas;
import io.lotabots.attestation.hardware.tpm.TpmHash;
import io.lotabots.attestation.hardware.tpm.TpmPublic;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MakeCredentialTest {

    private static final byte[] SECRET = filled(32, 0x5A);
    private static final byte[] AK_NAME = resource("ak-ecc.name");
    private final MakeCredential makeCredential = new MakeCredential(new SecureRandom());

    @Test
    void anRsaEkHolderRecoversTheSecretForTheNamedObject() throws Exception {
        KeyPair ekKeys = rsaKeys();
        TpmPublic ek = rsaEk((RSAPublicKey) ekKeys.getPublic());

        Credential credential = makeCredential.make(ek, AK_NAME, SECRET);

        assertArrayEquals(SECRET, SoftwareActivation.activate(ek, ekKeys.getPrivate(), AK_NAME, credential));
    }

    @Test
    void anEccEkHolderRecoversTheSecretForTheNamedObject() throws Exception {
        KeyPair ekKeys = PublicAreas.newEcKeyPair("secp256r1");
        TpmPublic ek = eccEk((ECPublicKey) ekKeys.getPublic());

        Credential credential = makeCredential.make(ek, AK_NAME, SECRET);

        assertArrayEquals(SECRET, SoftwareActivation.activate(ek, ekKeys.getPrivate(), AK_NAME, credential));
    }

    @Test
    void activationForAnotherObjectNameFailsTheIntegrityCheck() throws Exception {
        KeyPair ekKeys = PublicAreas.newEcKeyPair("secp256r1");
        TpmPublic ek = eccEk((ECPublicKey) ekKeys.getPublic());
        Credential credential = makeCredential.make(ek, AK_NAME, SECRET);
        byte[] otherName = resource("ak-rsa.name");

        assertThrows(
                SecurityException.class,
                () -> SoftwareActivation.activate(ek, ekKeys.getPrivate(), otherName, credential));
    }

    @Test
    void anRsa2048EkGivesTheSizesTpm2MakecredentialWrites() {
        Credential credential = makeCredential.make(TpmPublic.parse(resource("ek-rsa.pub")), AK_NAME, SECRET);

        // TPM2B_ID_OBJECT: size 68 = TPM2B_DIGEST hmac (2 + 32) + encrypted TPM2B_DIGEST secret (2 + 32)
        assertEquals(70, credential.credentialBlob().length);
        assertEquals(68, ByteBuffer.wrap(credential.credentialBlob()).getShort());
        assertEquals(32, ByteBuffer.wrap(credential.credentialBlob()).getShort(2));
        // TPM2B_ENCRYPTED_SECRET: the OAEP ciphertext, one modulus long
        assertEquals(258, credential.encryptedSecret().length);
        assertEquals(256, ByteBuffer.wrap(credential.encryptedSecret()).getShort());
        assertEquals(336, credential.tpm2ToolsFile().length);
    }

    @Test
    void anEccP256EkSendsTheEphemeralPointAsTheEncryptedSecret() {
        Credential credential = makeCredential.make(TpmPublic.parse(resource("ek-ecc.pub")), AK_NAME, SECRET);

        ByteBuffer secret = ByteBuffer.wrap(credential.encryptedSecret());
        assertEquals(68, secret.getShort());
        assertEquals(32, secret.getShort(2));
        assertEquals(32, secret.getShort(36));
        assertEquals(148, credential.tpm2ToolsFile().length);
    }

    @Test
    void theTpm2ToolsFileIsMagicVersionIdObjectThenEncryptedSecret() {
        Credential credential = makeCredential.make(TpmPublic.parse(resource("ek-ecc.pub")), AK_NAME, SECRET);

        byte[] file = credential.tpm2ToolsFile();

        ByteBuffer header = ByteBuffer.wrap(file);
        assertEquals(0xBADCC0DE, header.getInt());
        assertEquals(1, header.getInt());
        assertArrayEquals(
                credential.credentialBlob(), Arrays.copyOfRange(file, 8, 8 + credential.credentialBlob().length));
        assertArrayEquals(
                credential.encryptedSecret(),
                Arrays.copyOfRange(file, 8 + credential.credentialBlob().length, file.length));
    }

    @Test
    void everyCredentialUsesAFreshSeed() {
        TpmPublic ek = TpmPublic.parse(resource("ek-rsa.pub"));

        assertFalse(Arrays.equals(
                makeCredential.make(ek, AK_NAME, SECRET).credentialBlob(),
                makeCredential.make(ek, AK_NAME, SECRET).credentialBlob()));
    }

    @Test
    void refusesASecretLongerThanTheEksDigest() {
        TpmPublic ek = TpmPublic.parse(resource("ek-rsa.pub"));

        assertThrows(IllegalArgumentException.class, () -> makeCredential.make(ek, AK_NAME, new byte[33]));
        assertThrows(IllegalArgumentException.class, () -> makeCredential.make(ek, AK_NAME, new byte[0]));
    }

    @Test
    void refusesAKeyThatIsNoStorageKey() {
        TpmPublic ak = TpmPublic.parse(resource("ak-rsa.pub"));

        assertThrows(IllegalArgumentException.class, () -> makeCredential.make(ak, AK_NAME, SECRET));
    }

    @Test
    void kdfaFillsTheRequestedBitsAcrossSeveralBlocks() {
        byte[] one = TpmKdf.kdfa(TpmHash.SHA256, filled(32, 1), "STORAGE", filled(34, 2), new byte[0], 128);
        byte[] three = TpmKdf.kdfa(TpmHash.SHA256, filled(32, 1), "STORAGE", filled(34, 2), new byte[0], 520);

        assertEquals(16, one.length);
        assertEquals(65, three.length);
        assertFalse(Arrays.equals(one, Arrays.copyOf(three, 16)), "the requested length is part of the derivation");
    }

    private static KeyPair rsaKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** The EK template's shape (TCG EK Credential Profile, template L-1) around a given key. */
    private static TpmPublic rsaEk(RSAPublicKey key) {
        byte[] tpmt = Marshalled.bytes()
                .u16(0x0001)
                .u16(0x000B)
                .u32(PublicAreas.EK_ATTRIBUTES)
                .sized(filled(32, 7))
                .u16(0x0006)
                .u16(128)
                .u16(0x0043)
                .u16(0x0010)
                .u16(2048)
                .u32(0)
                .sized(PublicAreas.unsigned(key.getModulus(), 256))
                .build();
        return TpmPublic.parse(PublicAreas.tpm2b(tpmt));
    }

    private static TpmPublic eccEk(ECPublicKey key) {
        byte[] tpmt = Marshalled.bytes()
                .u16(0x0023)
                .u16(0x000B)
                .u32(PublicAreas.EK_ATTRIBUTES)
                .sized(filled(32, 7))
                .u16(0x0006)
                .u16(128)
                .u16(0x0043)
                .u16(0x0010)
                .u16(0x0003)
                .u16(0x0010)
                .sized(PublicAreas.unsigned(key.getW().getAffineX(), 32))
                .sized(PublicAreas.unsigned(key.getW().getAffineY(), 32))
                .build();
        return TpmPublic.parse(PublicAreas.tpm2b(tpmt));
    }
}
