package io.lotabots.attestation.model.signing;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Optional;

/**
 * The ECDSA curves OpenSSF Model Signing requires, each with the digest model_signing pairs with it (SHA-256,
 * SHA-384, SHA-512 by curve) and the Sigstore {@code keyDetails} name of that pair.
 */
enum EcdsaCurve {
    P256("secp256r1", "SHA256withECDSA", "PKIX_ECDSA_P256_SHA_256"),
    P384("secp384r1", "SHA384withECDSA", "PKIX_ECDSA_P384_SHA_384"),
    P521("secp521r1", "SHA512withECDSA", "PKIX_ECDSA_P521_SHA_512");

    private final String jcaSignature;
    private final String keyDetails;
    private final ECParameterSpec parameters;

    EcdsaCurve(String name, String jcaSignature, String keyDetails) {
        this.jcaSignature = jcaSignature;
        this.keyDetails = keyDetails;
        try {
            AlgorithmParameters named = AlgorithmParameters.getInstance("EC");
            named.init(new ECGenParameterSpec(name));
            this.parameters = named.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK knows the NIST curve " + name, e);
        }
    }

    /** The curve of an EC key on P-256, P-384 or P-521 (by its curve and order, so secp256k1 is not P-256). */
    static Optional<EcdsaCurve> of(PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            for (EcdsaCurve curve : values()) {
                if (curve.parameters.getCurve().equals(ec.getParams().getCurve())
                        && curve.parameters.getOrder().equals(ec.getParams().getOrder())) {
                    return Optional.of(curve);
                }
            }
        }
        return Optional.empty();
    }

    String keyDetails() {
        return keyDetails;
    }

    /** Whether {@code derSignature} is this curve's ECDSA signature of {@code data} by {@code key}. */
    boolean verifies(PublicKey key, byte[] data, byte[] derSignature) {
        return verifies(jcaSignature, key, data, derSignature);
    }

    static boolean verifies(String jcaSignature, PublicKey key, byte[] data, byte[] derSignature) {
        try {
            Signature verifier = Signature.getInstance(jcaSignature);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(derSignature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // a signature that is not DER, or not for this key, does not verify
            return false;
        }
    }
}
