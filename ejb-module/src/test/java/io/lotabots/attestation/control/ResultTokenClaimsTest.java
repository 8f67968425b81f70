package io.lotabots.attestation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.lotabots.attestation.entity.Verdict;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResultTokenClaimsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static ResultTokenClaims.Result result(Verdict verdict) {
        return new ResultTokenClaims.Result(
                UUID.fromString("5b0c7a52-3c1f-4d8e-9b3a-2f1e0d9c8b7a"),
                "hardware",
                verdict,
                Json.createObjectBuilder().add("instance-identity", 2).build(),
                "default@3",
                "ab".repeat(32),
                verdict == Verdict.AFFIRMING ? List.of() : List.of("NONCE_REUSED"),
                "00ff00ff00ff00ff");
    }

    @Test
    void hasTheEarShape() {
        var claims = ResultTokenClaims.of(result(Verdict.AFFIRMING), NOW, Duration.ofHours(1), "lotabots-test");

        assertEquals("tag:github.com,2023:veraison/ear", claims.getString("eat_profile"));
        assertEquals(NOW.getEpochSecond(), claims.getJsonNumber("iat").longValue());
        assertEquals(NOW.getEpochSecond() + 3600, claims.getJsonNumber("exp").longValue());
        assertEquals("AP8A_wD_AP8", claims.getString("eat_nonce"));
        assertEquals("lotabots-test", claims.getJsonObject("ear.verifier-id").getString("build"));
        var hardware = claims.getJsonObject("submods").getJsonObject("hardware");
        assertEquals("affirming", hardware.getString("ear.status"));
        assertEquals("default@3", hardware.getString("ear.appraisal-policy-id"));
        assertEquals(2, hardware.getJsonObject("ear.trustworthiness-vector").getInt("instance-identity"));
        assertEquals("sha-256:" + "ab".repeat(32), hardware.getString("lotabots.evidence-digest"));
    }

    @Test
    void carriesNothingAnAccessTokenNeeds() {
        var claims = ResultTokenClaims.of(result(Verdict.CONTRAINDICATED), NOW, Duration.ofHours(1), "b");

        assertFalse(claims.containsKey("iss"));
        assertFalse(claims.containsKey("aud"));
        assertFalse(claims.containsKey("groups"));
        assertFalse(claims.containsKey("sub"));
        assertEquals(
                "contraindicated",
                claims.getJsonObject("submods").getJsonObject("hardware").getString("ear.status"));
    }

    @Test
    void isSignedWithES256UnderTheKeysId() throws Exception {
        var key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        var claims = ResultTokenClaims.of(result(Verdict.AFFIRMING), NOW, Duration.ofHours(1), "b");

        var jws = JWSObject.parse(ResultTokenSigner.sign(claims, key));

        assertEquals("ES256", jws.getHeader().getAlgorithm().getName());
        assertEquals("k1", jws.getHeader().getKeyID());
        assertTrue(jws.verify(new ECDSAVerifier(key.toECPublicKey())));
        var payload =
                Json.createReader(new StringReader(jws.getPayload().toString())).readObject();
        assertEquals(claims, payload);
    }

    @Test
    void signsWithTheKeyItIsGivenWhenTheKeyChanges() throws Exception {
        var first = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        var second = new ECKeyGenerator(Curve.P_256).keyID("k2").generate();
        var claims = ResultTokenClaims.of(result(Verdict.AFFIRMING), NOW, Duration.ofHours(1), "b");

        var byFirst = JWSObject.parse(ResultTokenSigner.sign(claims, first));
        var bySecond = JWSObject.parse(ResultTokenSigner.sign(claims, second));
        var byFirstAgain = JWSObject.parse(ResultTokenSigner.sign(claims, first));

        assertTrue(byFirst.verify(new ECDSAVerifier(first.toECPublicKey())));
        assertTrue(bySecond.verify(new ECDSAVerifier(second.toECPublicKey())));
        assertFalse(bySecond.verify(new ECDSAVerifier(first.toECPublicKey())));
        assertTrue(byFirstAgain.verify(new ECDSAVerifier(first.toECPublicKey())));
        assertEquals("k2", bySecond.getHeader().getKeyID());
    }
}
