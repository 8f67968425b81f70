package io.lotabots.platform.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Instant;
import java.util.Date;

/**
 * The one place new signing keys are made: access-token keys, attestation-result keys and audit
 * checkpoint keys alike, each a JWK named by its thumbprint and stamped with its creation time.
 */
public final class SigningKeyGenerator {

    private SigningKeyGenerator() {}

    /** A P-256 key for ES256. */
    public static ECKey p256(Instant now) {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .issueTime(Date.from(now))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a P-256 key", e);
        }
    }

    /** A 2048-bit RSA key for {@code algorithm} (RS256 or PS256). */
    public static JWK rsa2048(JWSAlgorithm algorithm, Instant now) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(algorithm)
                    .keyIDFromThumbprint(true)
                    .issueTime(Date.from(now))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key for " + algorithm, e);
        }
    }
}
