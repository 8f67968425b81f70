package io.lotabots.attestation.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import io.lotabots.platform.crypto.BouncyCastle;
import jakarta.json.JsonObject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;

/**
 * Signs result claims as a compact JWS (ES256), naming the key by its id so the JWKS finds it. The
 * signature is Bouncy Castle's (a sixth of JDK 17's cost, see {@link BouncyCastle}), with the private
 * key translated to its form once per key rather than per token.
 */
public final class ResultTokenSigner {

    private static volatile PreparedSigner prepared;

    private ResultTokenSigner() {}

    public static String sign(JsonObject claims, ECKey key) {
        try {
            var header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID())
                    .build();
            var jws = new JWSObject(header, new Payload(claims.toString()));
            jws.sign(signer(key));
            return jws.serialize();
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign an attestation result with key " + key.getKeyID(), e);
        }
    }

    private static JWSSigner signer(ECKey key) throws JOSEException, GeneralSecurityException {
        var current = prepared;
        if (current != null && current.key().equals(key)) {
            return current.signer();
        }
        var privateKey = (ECPrivateKey)
                KeyFactory.getInstance("EC", BouncyCastle.PROVIDER).translateKey(key.toECPrivateKey());
        var signer = new ECDSASigner(privateKey);
        signer.getJCAContext().setProvider(BouncyCastle.PROVIDER);
        prepared = new PreparedSigner(key, signer);
        return signer;
    }

    /** The one key in use and its ready signer (nimbus signers are thread-safe). */
    private record PreparedSigner(ECKey key, JWSSigner signer) {}
}
