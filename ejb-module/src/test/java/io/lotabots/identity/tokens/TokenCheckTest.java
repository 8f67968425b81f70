package io.lotabots.identity.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TokenCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final RSAKey KEY = rsa("ours");
    private static final TokenCheck CHECK = new TokenCheck(
            new JWKSet(KEY.toPublicJWK()), JWSAlgorithm.RS256, "https://issuer", "api", Duration.ofSeconds(30));

    @Test
    void acceptsATokenWeSignedWithinItsLifetime() throws Exception {
        var claims = CHECK.verify(signed(c -> c), NOW);

        assertEquals("user-1", claims.getSubject());
    }

    @Test
    void acceptsAnExpiredTokenWithinTheClockSkew() throws Exception {
        CHECK.verify(signed(c -> c.expirationTime(Date.from(NOW.minusSeconds(29)))), NOW);
    }

    @Test
    void refusesAnExpiredToken() {
        assertRefused(TokenRejection.EXPIRED, signed(c -> c.expirationTime(Date.from(NOW.minusSeconds(31)))));
    }

    @Test
    void theValidityPeriodAloneRefusesRememberedClaimsOnceExpired() throws Exception {
        var claims = CHECK.verify(signed(c -> c.expirationTime(Date.from(NOW.plusSeconds(60)))), NOW);

        CHECK.checkValidityPeriod(claims, NOW.plusSeconds(89));
        var refused =
                assertThrows(InvalidAccessToken.class, () -> CHECK.checkValidityPeriod(claims, NOW.plusSeconds(91)));
        assertEquals(TokenRejection.EXPIRED, refused.reason());
    }

    @Test
    void refusesATokenNotValidYet() {
        assertRefused(TokenRejection.NOT_YET_VALID, signed(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(60)))));
    }

    @Test
    void refusesAnotherIssuer() {
        assertRefused(TokenRejection.ISSUER, signed(c -> c.issuer("https://elsewhere")));
    }

    @Test
    void refusesAnotherAudience() {
        assertRefused(TokenRejection.AUDIENCE, signed(c -> c.audience("other-api")));
    }

    @Test
    void refusesATokenWithoutSubject() {
        assertRefused(TokenRejection.MISSING_CLAIM, signed(c -> c.subject(null)));
    }

    @Test
    void refusesAlgNone() {
        var plain = new PlainJWT(claims(c -> c));

        assertRefused(TokenRejection.MALFORMED, plain.serialize());
    }

    @Test
    void refusesHmacKeyedWithOurPublicKey() throws Exception {
        var forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("ours").build(), claims(c -> c));
        forged.sign(new MACSigner(KEY.toRSAPublicKey().getEncoded()));

        assertRefused(TokenRejection.ALGORITHM, forged.serialize());
    }

    @Test
    void refusesAForeignKeyUsingOurKeyId() throws Exception {
        var forged = new SignedJWT(header(JWSAlgorithm.RS256, "ours"), claims(c -> c));
        forged.sign(new RSASSASigner(rsa("ours")));

        assertRefused(TokenRejection.SIGNATURE, forged.serialize());
    }

    @Test
    void refusesAKeyIdWePublishNot() throws Exception {
        var forged = new SignedJWT(header(JWSAlgorithm.RS256, "theirs"), claims(c -> c));
        forged.sign(new RSASSASigner(rsa("theirs")));

        assertRefused(TokenRejection.UNKNOWN_KEY, forged.serialize());
    }

    @Test
    void refusesAnotherAsymmetricAlgorithmEvenWithAPublishedKey() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
        var check = new TokenCheck(
                new JWKSet(List.of(KEY.toPublicJWK(), ec.toPublicJWK())),
                JWSAlgorithm.RS256,
                "https://issuer",
                "api",
                Duration.ofSeconds(30));
        var token = new SignedJWT(header(JWSAlgorithm.ES256, "ec"), claims(c -> c));
        token.sign(new ECDSASigner(ec));

        var refused = assertThrows(InvalidAccessToken.class, () -> check.verify(token.serialize(), NOW));
        assertEquals(TokenRejection.ALGORITHM, refused.reason());
    }

    @Test
    void refusesATamperedPayload() {
        String[] parts = signed(c -> c).split("\\.");
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims(c -> c.claim("groups", List.of("ADMIN")))
                        .toString()
                        .getBytes(StandardCharsets.UTF_8));

        assertRefused(TokenRejection.SIGNATURE, parts[0] + "." + payload + "." + parts[2]);
    }

    @Test
    void refusesGarbageAndOversizedInput() {
        assertRefused(TokenRejection.MALFORMED, "not.a.jwt");
        assertRefused(TokenRejection.MALFORMED, "");
        assertRefused(TokenRejection.TOO_LONG, "a".repeat(TokenCheck.MAX_LENGTH + 1));
    }

    private static void assertRefused(TokenRejection expected, String token) {
        var refused = assertThrows(InvalidAccessToken.class, () -> CHECK.verify(token, NOW));
        assertEquals(expected, refused.reason());
    }

    private static String signed(UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            var jwt = new SignedJWT(header(JWSAlgorithm.RS256, "ours"), claims(change));
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JWSHeader header(JWSAlgorithm algorithm, String keyId) {
        return new JWSHeader.Builder(algorithm)
                .keyID(keyId)
                .type(JOSEObjectType.JWT)
                .build();
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder()
                        .issuer("https://issuer")
                        .subject("user-1")
                        .audience("api")
                        .issueTime(Date.from(NOW.minusSeconds(60)))
                        .notBeforeTime(Date.from(NOW.minusSeconds(60)))
                        .expirationTime(Date.from(NOW.plusSeconds(240)))
                        .jwtID(UUID.randomUUID().toString())
                        .claim("groups", List.of("AUDITOR")))
                .build();
    }

    private static RSAKey rsa(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
