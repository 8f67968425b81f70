package io.lotabots.identity.tokens;

import com.nimbusds.jwt.JWTClaimsSet;
import io.lotabots.identity.keys.SigningAlgorithm;
import io.lotabots.identity.keys.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The per-request token check: our own published keys (in memory, so no JWKS fetch), the
 * configured algorithm, issuer and audience. Revocation is checked separately, in Redis.
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

    /** The claims of a valid access token, or the reason it is refused. */
    public JWTClaimsSet verify(String serialized) throws InvalidAccessToken {
        var check =
                new TokenCheck(keys.publicKeys(), algorithm.jws(), settings.issuer(), settings.audience(), CLOCK_SKEW);
        return check.verify(serialized, clock.instant());
    }
}
