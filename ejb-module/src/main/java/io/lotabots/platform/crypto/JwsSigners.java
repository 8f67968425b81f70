package io.lotabots.platform.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ready JWS signers, made once per private key rather than per token: making one converts the JWK's
 * numbers into a JCA key, and for EC translates it to Bouncy Castle's form, which signs P-256 a sixth as
 * dearly as JDK 17 (see {@link BouncyCastle}). RSA stays with the JDK, as fast as Bouncy Castle there.
 * Nimbus signers are thread-safe, so one serves every thread.
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
}
