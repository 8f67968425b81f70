package io.lotabots.identity.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Instant;
import java.util.Date;

/**
 * The algorithms access tokens may be signed with. RS256 is the default: verification, done on
 * every request, is many times cheaper for RSA than for ECDSA on JDK 17 (docs/benchmarks.md).
 */
public enum SigningAlgorithm {
    RS256(JWSAlgorithm.RS256),
    PS256(JWSAlgorithm.PS256),
    ES256(JWSAlgorithm.ES256);

    private final JWSAlgorithm jws;

    SigningAlgorithm(JWSAlgorithm jws) {
        this.jws = jws;
    }

    public JWSAlgorithm jws() {
        return jws;
    }

    /** A new private key for this algorithm, with a random key id and its creation time. */
    JWK generate(Instant now) {
        try {
            return switch (this) {
                case RS256, PS256 -> new RSAKeyGenerator(2048)
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(jws)
                        .keyIDFromThumbprint(true)
                        .issueTime(Date.from(now))
                        .generate();
                case ES256 -> new ECKeyGenerator(Curve.P_256)
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(jws)
                        .keyIDFromThumbprint(true)
                        .issueTime(Date.from(now))
                        .generate();
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a " + this + " key", e);
        }
    }
}
