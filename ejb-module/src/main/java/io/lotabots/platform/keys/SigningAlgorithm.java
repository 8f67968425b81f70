package io.lotabots.platform.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import io.lotabots.platform.crypto.SigningKeyGenerator;
import java.time.Instant;

/**
 * The algorithms a rotating {@link KeyRing} may sign with (access tokens name theirs in
 * {@code lotabots.jwt.algorithm}). RS256 is their default: verification, done on every request, is
 * many times cheaper for RSA than for ECDSA on JDK 17 (docs/benchmarks.md).
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
    public JWK generate(Instant now) {
        return switch (this) {
            case RS256, PS256 -> SigningKeyGenerator.rsa2048(jws, now);
            case ES256 -> SigningKeyGenerator.p256(now);
        };
    }
}
