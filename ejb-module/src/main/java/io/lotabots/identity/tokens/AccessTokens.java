package io.lotabots.identity.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.lotabots.identity.entity.Role;
import io.lotabots.identity.keys.SigningKeys;
import io.lotabots.platform.crypto.JwsSigners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

/** Signs access tokens: short-lived JWTs that MicroProfile JWT verifies on every request. */
@ApplicationScoped
public class AccessTokens {

    @Inject
    SigningKeys keys;

    @Inject
    TokenSettings settings;

    @Inject
    Clock clock;

    /** A signed token for a subject of a tenant (null: a platform operator, of none), within one session. */
    public IssuedToken issue(String subject, String username, UUID tenantId, Set<Role> roles, UUID sessionId) {
        Instant now = clock.instant();
        Instant expires = now.plus(settings.accessTokenLifetime());
        var claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(subject)
                .audience(settings.audience())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .claim("upn", username)
                .claim("groups", roles.stream().map(Enum::name).sorted().toList())
                .claim("sid", sessionId.toString());
        if (tenantId != null) {
            claims.claim("tenant", tenantId.toString());
        }
        JWK key = keys.current();
        var jwt = new SignedJWT(
                new JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.parse(
                                key.getAlgorithm().getName()))
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims.build());
        try {
            jwt.sign(JwsSigners.of(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign access token", e);
        }
        return new IssuedToken(
                jwt.serialize(), expires, settings.accessTokenLifetime().toSeconds());
    }
}
