package io.lotabots.attestation;

import static io.lotabots.attestation.AttestationApi.accepted;
import static io.lotabots.attestation.AttestationApi.awaitVerdict;
import static io.lotabots.attestation.AttestationApi.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testkit.tpm.AkKind;
import io.lotabots.testkit.tpm.AttestationKey;
import io.lotabots.testkit.tpm.SoftwareTpm;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real TPM 2.0 evidence from swtpm through the whole job: submitted as JSON and as the raw files of
 * tpm2-tools, verified by the MDB, read back with its report, evidence and signed EAR result.
 */
class HardwareAttestationIT {

    private static SoftwareTpm tpm;
    private static AttestationKey ecc;
    private static AttestationKey rsa;
    private static AttestationKey pss;
    private static TestTenant tenant;
    private static ApiClient admin;

    @BeforeAll
    static void tpmAndTenant() {
        AttestationApi.awaitApplication();
        tpm = SoftwareTpm.start();
        ecc = tpm.createAttestationKey(AkKind.ECC_P256);
        rsa = tpm.createAttestationKey(AkKind.RSA_2048_RSASSA);
        pss = tpm.createAttestationKey(AkKind.RSA_2048_RSAPSS);
        tenant = TestTenant.create("hw-attest");
        admin = tenant.admin();
    }

    @AfterAll
    static void stopTpm() {
        if (tpm != null) {
            tpm.close();
        }
    }

    private static JsonObject verified(String location) {
        var result = awaitVerdict(admin, location);
        assertEquals("VERIFIED", result.getString("status"), result.toString());
        return result;
    }

    @Test
    void anEccQuoteSubmittedAsJsonIsVerifiedWithAnEarTokenThatVerifiesWithTheJwks() throws Exception {
        byte[] nonce = AttestationApi.nonce(admin);
        var quote = tpm.quote(ecc, nonce, TpmEvidence.SELECTION);

        String location = accepted(submit(admin, TpmEvidence.json(nonce, quote, ecc)));
        var result = verified(location);

        assertEquals("HARDWARE", result.getString("type"));
        assertEquals("WARNING", result.getString("verdict"), "no enrolled device, no AK certificate: unanchored");
        assertEquals(List.of(), result.getJsonArray("reasons"));
        assertFalse(result.getJsonArray("checks").isEmpty());
        assertEquals("default", result.getJsonObject("policy").getString("name"));
        assertTrue(result.containsKey("submittedAt") && result.containsKey("completedAt"));

        byte[] evidence = admin.send(java.net.http.HttpRequest.newBuilder(ApiClient.uri(location + "/evidence"))
                        .GET())
                .body()
                .getBytes(StandardCharsets.UTF_8);
        String digest =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(evidence));
        assertEquals(digest, result.getString("evidenceDigest"));

        var claims = verifyWithJwks(result.getString("token"));
        assertEquals("tag:github.com,2023:veraison/ear", claims.getString("eat_profile"));
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(nonce), claims.getString("eat_nonce"));
        assertTrue(claims.getJsonObject("ear.verifier-id").containsKey("build"));
        var hardware = claims.getJsonObject("submods").getJsonObject("hardware");
        assertEquals("warning", hardware.getString("ear.status"));
        assertEquals(
                0, hardware.getJsonObject("ear.trustworthiness-vector").getInt("hardware"), "no claim on the hardware");
        assertEquals(
                "default@" + result.getJsonObject("policy").getInt("version"),
                hardware.getString("ear.appraisal-policy-id"));
        assertEquals("sha-256:" + digest, hardware.getString("lotabots.evidence-digest"));
        assertEquals(2, hardware.getJsonObject("ear.trustworthiness-vector").getInt("instance-identity"));
    }

    @Test
    void anRsaQuoteSubmittedAsTheRawFilesOfTpm2ToolsIsVerified() {
        byte[] nonce = AttestationApi.nonce(admin);
        var quote = tpm.quote(rsa, nonce, TpmEvidence.SELECTION);

        var result = verified(accepted(submit(admin, TpmEvidence.multipart(nonce, quote, rsa))));

        assertEquals("WARNING", result.getString("verdict"), "no enrolled device, no AK certificate: unanchored");
    }

    @Test
    void anRsaPssQuoteWithPcrValuesIsVerified() {
        byte[] nonce = AttestationApi.nonce(admin);
        var quote = tpm.quote(pss, nonce, TpmEvidence.SELECTION, "values");

        var result = verified(accepted(submit(admin, TpmEvidence.json(nonce, quote, pss))));

        assertEquals("WARNING", result.getString("verdict"), "no enrolled device, no AK certificate: unanchored");
    }

    @Test
    void aNonceThatWasNeverIssuedIsRejectedAsUnknown() {
        byte[] nonce = new byte[32];
        new SecureRandom().nextBytes(nonce);
        var quote = tpm.quote(ecc, nonce, TpmEvidence.SELECTION);

        var result = awaitVerdict(admin, accepted(submit(admin, TpmEvidence.json(nonce, quote, ecc))));

        assertEquals("REJECTED", result.getString("status"));
        assertEquals("CONTRAINDICATED", result.getString("verdict"));
        assertTrue(reasons(result).contains("NONCE_UNKNOWN"), result.toString());
        assertEquals("contraindicated", status(result));
    }

    @Test
    void aNonceUsedTwiceIsRejectedTheSecondTimeAsReused() {
        byte[] nonce = AttestationApi.nonce(admin);
        var quote = tpm.quote(ecc, nonce, TpmEvidence.SELECTION);
        verified(accepted(submit(admin, TpmEvidence.json(nonce, quote, ecc))));

        var again = awaitVerdict(admin, accepted(submit(admin, TpmEvidence.json(nonce, quote, ecc))));

        assertEquals("REJECTED", again.getString("status"));
        assertEquals(List.of("NONCE_REUSED"), reasons(again));
    }

    @Test
    void aNoncePastItsLifetimeIsRejectedAsExpired() throws InterruptedException {
        byte[] nonce = AttestationApi.nonce(admin);
        var quote = tpm.quote(ecc, nonce, TpmEvidence.SELECTION);
        Thread.sleep(21_000); // the test server's nonce TTL is 20 s

        var result = awaitVerdict(admin, accepted(submit(admin, TpmEvidence.json(nonce, quote, ecc))));

        assertEquals(List.of("NONCE_EXPIRED"), reasons(result));
    }

    @Test
    void aNonceOfAnotherTenantIsUnknownHere() {
        var other = TestTenant.create("hw-attest-other").admin();
        byte[] nonce = AttestationApi.nonce(other);
        var quote = tpm.quote(ecc, nonce, TpmEvidence.SELECTION);

        var result = awaitVerdict(admin, accepted(submit(admin, TpmEvidence.json(nonce, quote, ecc))));

        assertEquals(List.of("NONCE_UNKNOWN"), reasons(result));
    }

    @Test
    void theReportHoldsEveryCheckWithItsInputs() {
        byte[] nonce = AttestationApi.nonce(admin);
        var quote = tpm.quote(ecc, nonce, TpmEvidence.SELECTION);
        String location = accepted(submit(admin, TpmEvidence.json(nonce, quote, ecc)));
        var result = verified(location);

        var response = admin.get(location + "/report");

        assertEquals(200, response.statusCode());
        var report = ApiClient.json(response);
        var checks = report.getJsonObject("appraisal").getJsonArray("checks");
        assertEquals(result.getJsonArray("checks").size(), checks.size());
        assertTrue(checks.getJsonObject(0).containsKey("inputs"));
        assertEquals("VALID", report.getString("nonceStatus"));
    }

    @Test
    void anEarTokenIsNoAccessToken() {
        byte[] nonce = AttestationApi.nonce(admin);
        var quote = tpm.quote(ecc, nonce, TpmEvidence.SELECTION);
        String token = verified(accepted(submit(admin, TpmEvidence.json(nonce, quote, ecc))))
                .getString("token");

        var response = ApiClient.withToken(token).get("/api/v1/attestations");

        assertEquals(401, response.statusCode());
    }

    private static List<String> reasons(JsonObject result) {
        return result.getJsonArray("reasons").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }

    private static String status(JsonObject result) throws RuntimeException {
        try {
            return verifyWithJwks(result.getString("token"))
                    .getJsonObject("submods")
                    .getJsonObject("hardware")
                    .getString("ear.status");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** jose4j, not the server's nimbus: fetches the JWKS, checks ES256 and expiry, returns the claims. */
    private static JsonObject verifyWithJwks(String token) throws Exception {
        var jwks = new HttpsJwks(ApiClient.uri("/.well-known/jwks.json").toString());
        var consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setJwsAlgorithmConstraints(
                        org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT,
                        org.jose4j.jws.AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .build();
        var claims = consumer.processToClaims(token);
        return Json.createReader(new StringReader(claims.toJson())).readObject();
    }
}
