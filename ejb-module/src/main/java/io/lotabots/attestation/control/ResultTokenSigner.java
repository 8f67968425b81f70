package io.lotabots.attestation.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import jakarta.json.JsonObject;

/** Signs result claims as a compact JWS (ES256), naming the key by its id so the JWKS finds it. */
public final class ResultTokenSigner {

    private ResultTokenSigner() {}

    public static String sign(JsonObject claims, ECKey key) {
        try {
            var header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID())
                    .build();
            var jws = new JWSObject(header, new Payload(claims.toString()));
            jws.sign(new ECDSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an attestation result with key " + key.getKeyID(), e);
        }
    }
}
