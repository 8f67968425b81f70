package io.lotabots.attestation.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.ECKey;
import io.lotabots.platform.crypto.BouncyCastle;
import io.lotabots.platform.crypto.JwsSigners;
import jakarta.json.JsonObject;

/**
 * Signs result claims as a compact JWS (ES256), naming the key by its id so the JWKS finds it. The
 * signature is Bouncy Castle's (a sixth of JDK 17's cost, see {@link BouncyCastle}), from a signer
 * made once per key ({@link JwsSigners}).
 */
public final class ResultTokenSigner {

    private ResultTokenSigner() {}

    public static String sign(JsonObject claims, ECKey key) {
        try {
            var header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID())
                    .build();
            var jws = new JWSObject(header, new Payload(claims.toString()));
            jws.sign(JwsSigners.of(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an attestation result with key " + key.getKeyID(), e);
        }
    }
}
