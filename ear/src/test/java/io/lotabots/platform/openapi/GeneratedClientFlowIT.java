package io.lotabots.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.client.ApiClient;
import io.lotabots.client.ApiException;
import io.lotabots.client.api.AttestationResultsApi;
import io.lotabots.client.api.HardwareAttestationApi;
import io.lotabots.client.api.IdentityApi;
import io.lotabots.client.model.AttestationView;
import io.lotabots.client.model.HardwareEvidence;
import io.lotabots.client.model.LoginRequest;
import io.lotabots.client.model.NonceRequest;
import io.lotabots.client.model.Problem;
import io.lotabots.client.model.TokenResponse;
import io.lotabots.testkit.tpm.AkKind;
import io.lotabots.testkit.tpm.AttestationKey;
import io.lotabots.testkit.tpm.SoftwareTpm;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.TestTenant;
import io.lotabots.testsupport.TestUser;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bot written against the published contract: the Java client generated from docs/openapi.yaml at
 * build time logs in, takes a nonce, submits real swtpm evidence, polls the verdict and verifies
 * the signed EAR result with the JWKS. Errors reach it as typed problem documents.
 */
class GeneratedClientFlowIT {

    private static final String BASE_URL = System.getProperty("app.base.url", "http://localhost:9080");
    private static final String SELECTION = "sha256:0,1,2,3,4,5,6,7";
    private static final Set<String> FINAL = Set.of("VERIFIED", "REJECTED", "FAILED");

    private static SoftwareTpm tpm;
    private static AttestationKey ak;
    private static TestTenant tenant;
    private static TestUser operator;

    @BeforeAll
    static void tpmAndTenant() {
        Eventually.await(
                Duration.ofSeconds(120),
                () -> new io.lotabots.testsupport.ApiClient()
                        .get("/.well-known/jwks.json")
                        .statusCode(),
                status -> status == 200,
                "the application to start");
        tpm = SoftwareTpm.start();
        ak = tpm.createAttestationKey(AkKind.ECC_P256);
        tenant = TestTenant.create("generated-client");
        operator = tenant.userWithRoles("OPERATOR");
    }

    @AfterAll
    static void stopTpm() {
        if (tpm != null) {
            tpm.close();
        }
    }

    @Test
    void aBotLogsInAttestsAndVerifiesItsResultThroughTheGeneratedClient() throws Exception {
        var client = client();
        var tokens = new IdentityApi(client)
                .login(new LoginRequest()
                        .tenant(tenant.name())
                        .username(operator.username())
                        .password(operator.password()));
        assertEquals(TokenResponse.TokenTypeEnum.BEARER, tokens.getTokenType());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + tokens.getAccessToken()));
        var hardware = new HardwareAttestationApi(client);

        var nonce = hardware.issueHardwareNonce(new NonceRequest().size(32));
        byte[] nonceBytes = HexFormat.of().parseHex(nonce.getNonce());
        assertEquals(32, nonceBytes.length);
        var quote = tpm.quote(ak, nonceBytes, SELECTION);
        var accepted = hardware.submitHardwareEvidenceWithHttpInfo(new HardwareEvidence()
                .nonce(nonce.getNonce())
                .quote(base64(quote.message()))
                .signature(base64(quote.signature()))
                .pcrs(base64(quote.pcrs()))
                .pcrsFormat(HardwareEvidence.PcrsFormatEnum.fromValue(quote.pcrsFormat()))
                .akPublicKey(ak.publicPem()));
        assertEquals(202, accepted.getStatusCode());
        var id = accepted.getData().getId();
        assertTrue(accepted.getHeaders().get("location").get(0).endsWith("/api/v1/attestations/" + id));

        var results = new AttestationResultsApi(client);
        AttestationView result = Eventually.await(
                Duration.ofSeconds(60),
                () -> get(results, id.toString()),
                view -> FINAL.contains(view.getStatus().getValue()),
                "attestation " + id + " to be final");

        assertEquals(AttestationView.StatusEnum.VERIFIED, result.getStatus(), String.valueOf(result));
        assertEquals(
                AttestationView.VerdictEnum.WARNING,
                result.getVerdict(),
                "no enrolled device, no AK certificate: unanchored");
        var claims = verifiedWithJwks(result.getToken());
        assertEquals(
                Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes),
                claims.getStringClaimValue("eat_nonce"));
        assertEquals("tag:github.com,2023:veraison/ear", claims.getStringClaimValue("eat_profile"));
    }

    @Test
    void aCallWithoutATokenIsAnUnauthorizedProblem() {
        var hardware = new HardwareAttestationApi(client());

        var refused = assertThrows(ApiException.class, () -> hardware.issueHardwareNonce(new NonceRequest()));

        assertEquals(401, refused.getCode());
        assertEquals(401, problem(refused).getStatus());
    }

    @Test
    void aWrongPasswordIsAnInvalidCredentialsProblem() {
        var identity = new IdentityApi(client());

        var refused = assertThrows(
                ApiException.class,
                () -> identity.login(new LoginRequest()
                        .tenant(tenant.name())
                        .username(operator.username())
                        .password("not the password of " + operator.username())));

        assertEquals(401, refused.getCode());
        assertTrue(problem(refused).getType().toString().endsWith("/invalid-credentials"));
    }

    @Test
    void evidenceWithANonceThatIsNoHexIsABadRequestNamingTheField() throws Exception {
        var client = client();
        var tokens = new IdentityApi(client)
                .login(new LoginRequest()
                        .tenant(tenant.name())
                        .username(operator.username())
                        .password(operator.password()));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + tokens.getAccessToken()));
        var hardware = new HardwareAttestationApi(client);

        var refused = assertThrows(
                ApiException.class,
                () -> hardware.submitHardwareEvidence(new HardwareEvidence()
                        .nonce("not-hex")
                        .quote(base64(new byte[] {1}))
                        .signature(base64(new byte[] {2}))
                        .pcrs(base64(new byte[] {3}))
                        .akPublicKey(ak.publicPem())));

        assertEquals(400, refused.getCode());
        var problem = problem(refused);
        assertTrue(problem.getErrors().stream().anyMatch(e -> "nonce".equals(e.getField())), String.valueOf(problem));
    }

    private static ApiClient client() {
        var client = new ApiClient();
        client.updateBaseUri(BASE_URL);
        return client;
    }

    private static AttestationView get(AttestationResultsApi results, String id) {
        try {
            return results.getAttestation(id);
        } catch (ApiException e) {
            throw new AssertionError(e.getCode() + " " + e.getResponseBody(), e);
        }
    }

    private static Problem problem(ApiException refused) {
        assertTrue(
                refused.getResponseHeaders()
                        .firstValue("content-type")
                        .orElse("")
                        .startsWith("application/problem+json"),
                String.valueOf(refused.getResponseHeaders().map()));
        try {
            return client().getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        } catch (Exception e) {
            throw new AssertionError(refused.getResponseBody(), e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** jose4j, not the server's library: fetches the JWKS, checks the ES256 signature and expiry. */
    private static JwtClaims verifiedWithJwks(String token) throws Exception {
        var jwks = new HttpsJwks(BASE_URL + "/.well-known/jwks.json");
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .build()
                .processToClaims(token);
    }
}
