package io.lotabots.platform.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.lotabots.platform.crypto.JwsRejectedException.Reason;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one path for JWS signatures, made and checked: access tokens, attestation results and audit
 * checkpoints alike. Signers are made once per private key rather than per token: making one converts
 * the JWK's numbers into a JCA key, and for EC translates it to Bouncy Castle's form, which signs P-256
 * a sixth as dearly as JDK 17 (see {@link BouncyCastle}). RSA stays with the JDK, as fast as Bouncy
 * Castle there. Nimbus signers are thread-safe, so one serves every thread. Verification checks the
 * header's algorithm against the caller's list before anything else, so a token never chooses how it
 * is checked ({@code none}, HMAC keyed with a public key, another key family).
 */
public final class JwsSigners {

    private static final Map<String, Prepared> BY_KEY_ID = new ConcurrentHashMap<>();

    private JwsSigners() {}

    /** The signer of this private key (EC or RSA). */
    public static JWSSigner of(JWK key) {
        var prepared = BY_KEY_ID.get(key.getKeyID());
        if (prepared != null && prepared.key().equals(key)) {
            return prepared.signer();
        }
        var signer = prepare(key);
        BY_KEY_ID.put(key.getKeyID(), new Prepared(key, signer)); // a new key with a reused id replaces the old
        return signer;
    }

    private static JWSSigner prepare(JWK key) {
        try {
            if (key instanceof ECKey ec) {
                var privateKey = (ECPrivateKey)
                        KeyFactory.getInstance("EC", BouncyCastle.PROVIDER).translateKey(ec.toECPrivateKey());
                var signer = new ECDSASigner(privateKey);
                signer.getJCAContext().setProvider(BouncyCastle.PROVIDER);
                return signer;
            }
            if (key instanceof RSAKey rsa) {
                return new RSASSASigner(rsa);
            }
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make a signer for key " + key.getKeyID(), e);
        }
        throw new IllegalArgumentException("No signer for a " + key.getKeyType() + " key (" + key.getKeyID() + ")");
    }

    private record Prepared(JWK key, JWSSigner signer) {}

    /**
     * Accepts {@code jws} if its algorithm is one of {@code accepted} and its signature verifies with
     * {@code key} (public or private; null when the caller has none for it).
     */
    public static void verify(JWSObject jws, JWK key, Set<JWSAlgorithm> accepted) throws JwsRejectedException {
        requireAccepted(jws, accepted);
        if (key == null) {
            throw new JwsRejectedException(Reason.UNKNOWN_KEY, "no key to verify with", null);
        }
        PublicKey publicKey;
        try {
            publicKey = ((AsymmetricJWK) key).toPublicKey();
        } catch (JOSEException | ClassCastException e) {
            throw new JwsRejectedException(Reason.UNUSABLE_KEY, "a " + key.getKeyType() + " key cannot verify", e);
        }
        verify(jws, publicKey, accepted);
    }

    /** As {@link #verify(JWSObject, JWK, Set)}, with a JCA public key (EC or RSA). */
    public static void verify(JWSObject jws, PublicKey key, Set<JWSAlgorithm> accepted) throws JwsRejectedException {
        requireAccepted(jws, accepted);
        if (key == null) {
            throw new JwsRejectedException(Reason.UNKNOWN_KEY, "no key to verify with", null);
        }
        boolean valid;
        try {
            // the verifier refuses an accepted algorithm of another family than its key (ES256 with RSA)
            valid = jws.verify(verifier(key));
        } catch (JOSEException | IllegalStateException e) {
            throw new JwsRejectedException(Reason.UNUSABLE_KEY, e.getMessage(), e);
        }
        if (!valid) {
            throw new JwsRejectedException(Reason.SIGNATURE, "the signature does not verify", null);
        }
    }

    private static void requireAccepted(JWSObject jws, Set<JWSAlgorithm> accepted) throws JwsRejectedException {
        var algorithm = jws.getHeader().getAlgorithm();
        if (!accepted.contains(algorithm)) {
            throw new JwsRejectedException(
                    Reason.ALGORITHM, "algorithm " + algorithm + " is not one of " + accepted, null);
        }
    }

    private static JWSVerifier verifier(PublicKey key) throws JOSEException {
        if (key instanceof ECPublicKey ec) {
            return new ECDSAVerifier(ec);
        }
        if (key instanceof RSAPublicKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        throw new JOSEException("no verifier for a " + key.getAlgorithm() + " key");
    }
}
