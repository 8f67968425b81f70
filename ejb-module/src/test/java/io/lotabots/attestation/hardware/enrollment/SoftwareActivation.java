package io.lotabots.attestation.hardware.enrollment;

import io.lotabots.attestation.hardware.tpm.TpmHash;
import io.lotabots.attestation.hardware.tpm.TpmKeyParameters;
import io.lotabots.attestation.hardware.tpm.TpmPublic;
import io.lotabots.attestation.hardware.tpm.TpmReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/** TPM2_ActivateCredential in software, for tests that hold the EK's private key. */
final class SoftwareActivation {

    private SoftwareActivation() {}

    static byte[] activate(TpmPublic ek, PrivateKey ekPrivate, byte[] objectName, Credential credential)
            throws Exception {
        TpmHash hash = ek.nameAlg();
        TpmReader secret = new TpmReader("TPM2B_ENCRYPTED_SECRET", credential.encryptedSecret());
        byte[] encrypted = secret.sized("secret", 1024);
        secret.requireEnd();
        byte[] seed;
        if (ek.isRsa()) {
            Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
            oaep.init(
                    Cipher.DECRYPT_MODE,
                    ekPrivate,
                    new OAEPParameterSpec(
                            hash.jcaName(),
                            "MGF1",
                            new MGF1ParameterSpec(hash.jcaName()),
                            new PSource.PSpecified("IDENTITY\0".getBytes(StandardCharsets.US_ASCII))));
            seed = oaep.doFinal(encrypted);
        } else {
            TpmKeyParameters.Ecc ecc = (TpmKeyParameters.Ecc) ek.key();
            TpmReader point = new TpmReader("TPMS_ECC_POINT", encrypted);
            byte[] x = point.sized("x", 66);
            byte[] y = point.sized("y", 66);
            point.requireEnd();
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init((ECPrivateKey) ekPrivate);
            agreement.doPhase(
                    KeyFactory.getInstance("EC")
                            .generatePublic(new ECPublicKeySpec(
                                    new ECPoint(new BigInteger(1, x), new BigInteger(1, y)),
                                    ecc.curve().parameters())),
                    true);
            seed = TpmKdf.kdfe(hash, agreement.generateSecret(), "IDENTITY", x, ecc.x(), hash.digestSize() * 8);
        }
        TpmReader idObject = new TpmReader("TPM2B_ID_OBJECT", credential.credentialBlob());
        idObject.u16("size");
        byte[] integrity = idObject.sized("integrityHMAC", 64);
        byte[] encIdentity = idObject.bytes("encIdentity", idObject.remaining());
        Mac mac = Mac.getInstance(hash.hmacName());
        mac.init(new SecretKeySpec(
                TpmKdf.kdfa(hash, seed, "INTEGRITY", new byte[0], new byte[0], hash.digestSize() * 8),
                hash.hmacName()));
        if (!Arrays.equals(integrity, mac.doFinal(TpmKdf.concat(encIdentity, objectName)))) {
            throw new SecurityException("integrity check failed (TPM_RC_INTEGRITY)");
        }
        Cipher aes = Cipher.getInstance("AES/CFB/NoPadding");
        aes.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(
                        TpmKdf.kdfa(
                                hash,
                                seed,
                                "STORAGE",
                                objectName,
                                new byte[0],
                                ek.symmetric().keyBits()),
                        "AES"),
                new IvParameterSpec(new byte[16]));
        TpmReader digest = new TpmReader("TPM2B_DIGEST", aes.doFinal(encIdentity));
        byte[] recovered = digest.sized("credential", 64);
        digest.requireEnd();
        return recovered;
    }
}
