package io.lotabots.identity.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import io.lotabots.platform.crypto.SigningKeyGenerator;
import java.time.Instant;

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
        return switch (this) {
            case RS256, PS256 -> SigningKeyGenerator.rsa2048(jws, now);
            case ES256 -> SigningKeyGenerator.p256(now);
        };
    }
}
