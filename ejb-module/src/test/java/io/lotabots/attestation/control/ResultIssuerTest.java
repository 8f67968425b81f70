package io.lotabots.attestation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.lotabots.attestation.entity.Attestation;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.entity.NewAttestation;
import io.lotabots.attestation.entity.Verdict;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResultIssuerTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final String DIGEST = "ab".repeat(32);

    private final ResultIssuer issuer = new ResultIssuer();
    private final Attestation job = Attestation.pending(
            new NewAttestation(
                    UUID.fromString("5b0c7a52-3c1f-4d8e-9b3a-2f1e0d9c8b7a"),
                    UUID.randomUUID(),
                    AttestationType.HARDWARE,
                    "default",
                    3,
                    "00ff00ff00ff00ff",
                    "VALID",
                    null,
                    "bot"),
            "attestations/t/5b0c7a52-3c1f-4d8e-9b3a-2f1e0d9c8b7a/evidence.json",
            DIGEST,
            NOW.minusSeconds(5));
    private ECKey key;

    @BeforeEach
    void configure() throws Exception {
        issuer.tokenLifetime = Duration.ofHours(1);
        issuer.verifierBuild = "lotabots-test";
        key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
    }

    private static Appraisal appraisal(Verdict verdict, List<String> reasons) {
        return new Appraisal(
                verdict,
                reasons,
                Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "nonce").add("outcome", "PASSED"))
                        .build(),
                Json.createObjectBuilder().add("firmware", "2023.1").build(),
                Json.createObjectBuilder().add("instance-identity", 2).build(),
                Json.createObjectBuilder()
                        .add("inputs", new BigDecimal("1E+400"))
                        .build());
    }

    private static JsonObject json(byte[] document) {
        return Json.createReader(new ByteArrayInputStream(document)).readObject();
    }

    @Test
    void signsTheResultAsTheTypesEarSubmoduleWithTheJobsFacts() throws Exception {
        var issued = issuer.issue(job, appraisal(Verdict.AFFIRMING, List.of()), NOW, key);

        var jws = JWSObject.parse(issued.token());
        assertTrue(jws.verify(new ECDSAVerifier(key.toECPublicKey())));
        assertEquals("k1", jws.getHeader().getKeyID());
        var claims =
                Json.createReader(new StringReader(jws.getPayload().toString())).readObject();
        assertEquals("5b0c7a52-3c1f-4d8e-9b3a-2f1e0d9c8b7a", claims.getString("lotabots.attestation-id"));
        assertEquals(NOW.getEpochSecond() + 3600, claims.getJsonNumber("exp").longValue());
        assertEquals("lotabots-test", claims.getJsonObject("ear.verifier-id").getString("build"));
        assertEquals("AP8A_wD_AP8", claims.getString("eat_nonce"));
        var submodule = claims.getJsonObject("submods").getJsonObject("hardware");
        assertEquals("affirming", submodule.getString("ear.status"));
        assertEquals("default@3", submodule.getString("ear.appraisal-policy-id"));
        assertEquals("sha-256:" + DIGEST, submodule.getString("lotabots.evidence-digest"));
        assertEquals(2, submodule.getJsonObject("ear.trustworthiness-vector").getInt("instance-identity"));
    }

    @Test
    void aRejectionCarriesItsReasonsInTheRowTheTokenAndTheReport() throws Exception {
        var issued = issuer.issue(job, appraisal(Verdict.CONTRAINDICATED, List.of("NONCE_REUSED")), NOW, key);

        assertEquals(
                List.of("NONCE_REUSED"),
                issued.result().getJsonArray("reasons").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        var claims = Json.createReader(new StringReader(
                        JWSObject.parse(issued.token()).getPayload().toString()))
                .readObject();
        var submodule = claims.getJsonObject("submods").getJsonObject("hardware");
        assertEquals("contraindicated", submodule.getString("ear.status"));
        assertEquals("NONCE_REUSED", submodule.getJsonArray("lotabots.reasons").getString(0));
        assertEquals("contraindicated", json(issued.report()).getString("verdict"));
    }

    @Test
    void theRowKeepsTheSummariesAndClaimsButNotTheFullReport() {
        var issued = issuer.issue(job, appraisal(Verdict.AFFIRMING, List.of()), NOW, key);

        assertEquals(
                "nonce", issued.result().getJsonArray("checks").getJsonObject(0).getString("name"));
        assertEquals("2023.1", issued.result().getJsonObject("claims").getString("firmware"));
        assertFalse(issued.result().containsKey("appraisal"));
    }

    @Test
    void theReportWrapsTheAppraisalsOwnReportInTheJobsFacts() {
        var report = json(issuer.issue(job, appraisal(Verdict.WARNING, List.of()), NOW, key)
                .report());

        assertEquals("5b0c7a52-3c1f-4d8e-9b3a-2f1e0d9c8b7a", report.getString("attestationId"));
        assertEquals("hardware", report.getString("type"));
        assertEquals("default@3", report.getString("policy"));
        assertEquals(DIGEST, report.getString("evidenceDigest"));
        assertEquals("VALID", report.getString("nonceStatus"));
        assertEquals("warning", report.getString("verdict"));
        assertEquals(NOW.toString(), report.getString("appraisedAt"));
        // any number survives: the report is plain JSON, not the canonical form
        assertEquals(
                new BigDecimal("1E+400"),
                report.getJsonObject("appraisal").getJsonNumber("inputs").bigDecimalValue());
    }
}
