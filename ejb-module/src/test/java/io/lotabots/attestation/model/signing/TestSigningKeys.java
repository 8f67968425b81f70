package io.lotabots.attestation.model.signing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;

/** Signing keys made in a test: ECDSA on the model_signing curves, PEM as OpenSSL writes it. */
final class TestSigningKeys {

    static final Map<EcdsaCurve, String> CURVE_NAMES =
            Map.of(EcdsaCurve.P256, "secp256r1", EcdsaCurve.P384, "secp384r1", EcdsaCurve.P521, "secp521r1");
    static final Map<EcdsaCurve, String> SIGNATURE_ALGORITHMS = Map.of(
            EcdsaCurve.P256, "SHA256withECDSA", EcdsaCurve.P384, "SHA384withECDSA", EcdsaCurve.P521, "SHA512withECDSA");

    private TestSigningKeys() {}

    static KeyPair generate(EcdsaCurve curve) {
        return generate(CURVE_NAMES.get(curve));
    }

    static KeyPair generate(String curveName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curveName));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(PublicKey key) {
        return PublicKeyHint.canonicalPem(key.getEncoded());
    }

    /** The signature model_signing makes: ECDSA with the curve's digest, DER (RSA for tests of refusing it). */
    static byte[] sign(PrivateKey key, PublicKey publicKey, byte[] data) {
        String algorithm =
                EcdsaCurve.of(publicKey).map(SIGNATURE_ALGORITHMS::get).orElse("SHA256withRSA");
        return sign(algorithm, key, data);
    }

    static byte[] sign(String algorithm, PrivateKey key, byte[] data) {
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
