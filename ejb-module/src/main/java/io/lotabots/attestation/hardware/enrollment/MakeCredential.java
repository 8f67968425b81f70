package io.lotabots.attestation.hardware.enrollment;

import io.lotabots.attestation.hardware.tpm.EccCurve;
import io.lotabots.attestation.hardware.tpm.SymmetricDefinition;
import io.lotabots.attestation.hardware.tpm.TpmHash;
import io.lotabots.attestation.hardware.tpm.TpmKeyParameters;
import io.lotabots.attestation.hardware.tpm.TpmPublic;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * TPM2_MakeCredential done outside a TPM (TPM 2.0 Part 1 §24 "Credential Protection", Part 3 §12.6):
 * protects a secret so that only the TPM holding the EK, and only for a loaded object of the given
 * name, can recover it with TPM2_ActivateCredential.
 */
public final class MakeCredential {

    private static final byte[] IDENTITY_LABEL = "IDENTITY\0".getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random;

    public MakeCredential(SecureRandom random) {
        this.random = random;
    }

    /**
     * Protects {@code secret} (at most the EK's name-algorithm digest size) for the object named
     * {@code objectName} (nameAlg ‖ digest) on the TPM that holds {@code ek}.
     */
    public Credential make(TpmPublic ek, byte[] objectName, byte[] secret) {
        requireStorageKey(ek);
        TpmHash hash = ek.nameAlg();
        if (secret.length == 0 || secret.length > hash.digestSize()) {
            throw new IllegalArgumentException("the secret must have 1 to " + hash.digestSize() + " bytes");
        }
        Seed seed = ek.isRsa() ? rsaSeed(ek, hash) : eccSeed(ek, hash);
        byte[] symmetricKey = TpmKdf.kdfa(
                hash,
                seed.value(),
                "STORAGE",
                objectName,
                new byte[0],
                ek.symmetric().keyBits());
        byte[] encryptedIdentity = cfb(symmetricKey, sized(secret));
        byte[] hmacKey = TpmKdf.kdfa(hash, seed.value(), "INTEGRITY", new byte[0], new byte[0], hash.digestSize() * 8);
        byte[] integrity = hmac(hash, hmacKey, TpmKdf.concat(encryptedIdentity, objectName));
        byte[] idObject = sized(TpmKdf.concat(sized(integrity), encryptedIdentity));
        return new Credential(idObject, sized(seed.encrypted()));
    }

    private static void requireStorageKey(TpmPublic ek) {
        SymmetricDefinition symmetric = ek.symmetric();
        if (!ek.attributes().restricted() || !ek.attributes().decrypt()) {
            throw new IllegalArgumentException(
                    "the EK must be a restricted decryption key (attributes " + ek.attributes() + ")");
        }
        if (symmetric.algorithm() != SymmetricDefinition.ALG_AES || symmetric.mode() != SymmetricDefinition.MODE_CFB) {
            throw new IllegalArgumentException("the EK's symmetric algorithm must be AES in CFB mode");
        }
    }

    private record Seed(byte[] value, byte[] encrypted) {}

    private Seed rsaSeed(TpmPublic ek, TpmHash hash) {
        byte[] seed = new byte[hash.digestSize()];
        random.nextBytes(seed);
        try {
            Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
            oaep.init(
                    Cipher.ENCRYPT_MODE,
                    ek.publicKey(),
                    new OAEPParameterSpec(
                            hash.jcaName(),
                            "MGF1",
                            new MGF1ParameterSpec(hash.jcaName()),
                            new PSource.PSpecified(IDENTITY_LABEL)),
                    random);
            return new Seed(seed, oaep.doFinal(seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-OAEP with " + hash.jcaName() + " failed", e);
        }
    }

    private Seed eccSeed(TpmPublic ek, TpmHash hash) {
        TpmKeyParameters.Ecc ecc = (TpmKeyParameters.Ecc) ek.key();
        EccCurve curve = ecc.curve();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(curve.parameters(), random);
            KeyPair ephemeral = generator.generateKeyPair();
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(ephemeral.getPrivate());
            agreement.doPhase(ek.publicKey(), true);
            byte[] z = agreement.generateSecret();
            ECPublicKey point = (ECPublicKey) ephemeral.getPublic();
            byte[] x = fixed(point.getW().getAffineX(), curve.coordinateSize());
            byte[] y = fixed(point.getW().getAffineY(), curve.coordinateSize());
            byte[] seed = TpmKdf.kdfe(hash, z, "IDENTITY", x, ecc.x(), hash.digestSize() * 8);
            return new Seed(seed, TpmKdf.concat(sized(x), sized(y)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDH on " + curve + " failed", e);
        }
    }

    private static byte[] cfb(byte[] key, byte[] plaintext) {
        try {
            Cipher aes = Cipher.getInstance("AES/CFB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            return aes.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CFB is part of every Java runtime", e);
        }
    }

    private static byte[] hmac(TpmHash hash, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(hash.hmacName());
            mac.init(new SecretKeySpec(key, hash.hmacName()));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hash.hmacName() + " is part of every Java runtime", e);
        }
    }

    static byte[] sized(byte[] value) {
        return ByteBuffer.allocate(2 + value.length)
                .putShort((short) value.length)
                .put(value)
                .array();
    }

    private static byte[] fixed(java.math.BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return out;
    }
}
