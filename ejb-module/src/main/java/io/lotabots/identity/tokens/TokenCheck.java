package io.lotabots.identity.tokens;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.lotabots.platform.crypto.JwsRejectedException;
import io.lotabots.platform.crypto.JwsSigners;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Verifies one serialized access token against the published keys: exactly the configured
 * algorithm (so no {@code none} and no HMAC keyed with a public key), a key we publish, a valid
 * signature, our issuer and audience, and the validity period with a small clock skew. Pure logic.
 */
public record TokenCheck(JWKSet keys, JWSAlgorithm algorithm, String issuer, String audience, Duration clockSkew) {

    /** Far above any token we sign (about 1 KiB), so parsing stays cheap for any input. */
    static final int MAX_LENGTH = 8 * 1024;

    private static final List<String> REQUIRED = List.of("sub", "exp", "iat", "jti");

    /** The claims of a token that passes every check at {@code now}. */
    public JWTClaimsSet verify(String serialized, Instant now) throws InvalidAccessToken {
        if (serialized.length() > MAX_LENGTH) {
            throw new InvalidAccessToken(TokenRejection.TOO_LONG);
        }
        SignedJWT jwt = parse(serialized);
        String keyId = jwt.getHeader().getKeyID();
        JWK key = keyId == null ? null : keys.getKeyByKeyId(keyId);
        try {
            JwsSigners.verify(jwt, key, Set.of(algorithm));
        } catch (JwsRejectedException e) {
            throw new InvalidAccessToken(
                    switch (e.reason()) {
                        case ALGORITHM -> TokenRejection.ALGORITHM;
                        case UNKNOWN_KEY -> TokenRejection.UNKNOWN_KEY;
                        case UNUSABLE_KEY, SIGNATURE -> TokenRejection.SIGNATURE;
                    });
        }
        JWTClaimsSet claims = claims(jwt);
        if (!issuer.equals(claims.getIssuer())) {
            throw new InvalidAccessToken(TokenRejection.ISSUER);
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw new InvalidAccessToken(TokenRejection.AUDIENCE);
        }
        for (String name : REQUIRED) {
            if (claims.getClaim(name) == null) {
                throw new InvalidAccessToken(TokenRejection.MISSING_CLAIM);
            }
        }
        checkValidityPeriod(claims, now);
        return claims;
    }

    /** The time checks alone, for claims whose signature and origin were checked before. */
    public void checkValidityPeriod(JWTClaimsSet claims, Instant now) throws InvalidAccessToken {
        if (!now.minus(clockSkew).isBefore(claims.getExpirationTime().toInstant())) {
            throw new InvalidAccessToken(TokenRejection.EXPIRED);
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(clockSkew).isBefore(notBefore.toInstant())) {
            throw new InvalidAccessToken(TokenRejection.NOT_YET_VALID);
        }
    }

    private static SignedJWT parse(String serialized) throws InvalidAccessToken {
        try {
            // SignedJWT.parse refuses unsecured ("alg": "none") and encrypted tokens
            return SignedJWT.parse(serialized);
        } catch (ParseException | RuntimeException e) {
            throw new InvalidAccessToken(TokenRejection.MALFORMED);
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) throws InvalidAccessToken {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidAccessToken(TokenRejection.MALFORMED);
        }
    }
}
