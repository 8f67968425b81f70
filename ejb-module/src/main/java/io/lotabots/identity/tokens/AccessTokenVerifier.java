package io.lotabots.identity.tokens;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import io.lotabots.identity.keys.SigningKeys;
import io.lotabots.platform.keys.SigningAlgorithm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The per-request token check: our own published keys (in memory, so no JWKS fetch), the
 * configured algorithm, issuer and audience; a token seen before is only checked for its validity
 * period ({@link RememberedTokens}). Revocation is checked separately ({@link SessionRevocations}).
 */
@ApplicationScoped
public class AccessTokenVerifier {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    @Inject
    SigningKeys keys;

    @Inject
    TokenSettings settings;

    @Inject
    @ConfigProperty(name = "lotabots.jwt.algorithm", defaultValue = "RS256")
    SigningAlgorithm algorithm;

    @Inject
    Clock clock;

    /** Far more than the clients one server sees within a token's lifetime. */
    static final int REMEMBERED = 20_000;

    private final RememberedTokens remembered = new RememberedTokens(REMEMBERED);

    /** The claims of a valid access token, or the reason it is refused. */
    public JWTClaimsSet verify(String serialized) throws InvalidAccessToken {
        JWKSet published = keys.publicKeys();
        var check = new TokenCheck(published, algorithm.jws(), settings.issuer(), settings.audience(), CLOCK_SKEW);
        Instant now = clock.instant();
        JWTClaimsSet known = remembered.recall(serialized, published);
        if (known != null) {
            check.checkValidityPeriod(known, now);
            return known;
        }
        JWTClaimsSet claims = check.verify(serialized, now);
        remembered.remember(serialized, published, claims);
        return claims;
    }
}
