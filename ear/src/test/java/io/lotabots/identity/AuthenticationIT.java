package io.lotabots.identity;

import static io.lotabots.testsupport.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Login, tokens, refresh rotation, logout, and the forged tokens every endpoint must refuse. */
class AuthenticationIT {

    /** Every role may read attestations; an unknown id answers 404 once the token is accepted. */
    private static final String PROTECTED = "/api/v1/attestations/" + UUID.randomUUID();

    private final ApiClient anonymous = new ApiClient();

    @Test
    void loginIssuesAShortLivedSignedTokenThatOurPublishedKeysVerify() throws Exception {
        var tokens = ApiClient.login(ApiClient.TENANT, ApiClient.ADMIN, ApiClient.ADMIN_PASSWORD);

        assertEquals("Bearer", tokens.getString("token_type"));
        assertTrue(tokens.getInt("expires_in") <= 300, "at most five minutes");
        var jwt = SignedJWT.parse(tokens.getString("access_token"));
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        var jwks = JWKSet.parse(anonymous.get("/.well-known/jwks.json").body());
        var key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(key)), "signature verifies with the JWKS");
        var claims = jwt.getJWTClaimsSet();
        assertEquals(List.of("lotabots-api"), claims.getAudience());
        assertEquals(List.of("ADMIN"), claims.getStringListClaim("groups"));
        for (String claim : List.of("iss", "sub", "exp", "iat", "jti", "tenant", "sid")) {
            assertTrue(claims.getClaim(claim) != null, claim);
        }
        var metadata = json(anonymous.get("/.well-known/openid-configuration"));
        assertTrue(metadata.getString("jwks_uri").endsWith("/.well-known/jwks.json"));
        assertTrue(metadata.getString("token_endpoint").endsWith("/api/v1/auth/token"));
        assertEquals("https://lotabots.local", metadata.getString("issuer"));
        assertEquals(claims.getIssuer(), metadata.getString("issuer"), "tokens name the advertised issuer");
    }

    @Test
    void tokenOpensAnEndpointOfItsRole() {
        assertEquals(404, ApiClient.asAdmin().get(PROTECTED).statusCode(), "authorised; the check just does not exist");
    }

    @Test
    void aTokenAuthenticatedAnswerSetsNoSignInCookie() {
        var client = ApiClient.asAdmin();
        for (int i = 0; i < 2; i++) { // the first and a remembered token alike
            var response = client.get(PROTECTED);

            assertEquals(404, response.statusCode());
            assertEquals(List.of(), response.headers().allValues("Set-Cookie"), "a bearer request is not a session");
        }
    }

    @Test
    void rememberedTokensKeepTheirOwnCallerRolesAndTenant() {
        var tenant = TestTenant.create("auth-remembered");
        var otherTenant = TestTenant.create("auth-remembered-other");
        var admin = tenant.admin();
        var auditor = tenant.userWithRoles("AUDITOR").login();
        var otherAdmin = otherTenant.admin();
        String adminUser = "/api/v1/identity/users/" + tenant.adminId();

        for (int round = 0; round < 3; round++) { // first sight of each token, then remembered ones in turn
            var own = admin.get(adminUser);
            assertEquals(200, own.statusCode(), "round " + round);
            assertEquals("admin", json(own).getString("username"));
            assertEquals(403, auditor.get(adminUser).statusCode(), "round " + round + ": the auditor's own roles");
            assertEquals(404, otherAdmin.get(adminUser).statusCode(), "round " + round + ": the other tenant's admin");
        }
    }

    @Test
    void wrongPasswordUnknownUserAndUnknownTenantGetTheSameAnswer() {
        var wrongPassword = loginAttempt(ApiClient.TENANT, ApiClient.ADMIN, "not-the-password-at-all");
        var unknownUser = loginAttempt(ApiClient.TENANT, "nobody-" + UUID.randomUUID(), "not-the-password-at-all");
        var unknownTenant = loginAttempt("no-such-tenant", ApiClient.ADMIN, ApiClient.ADMIN_PASSWORD);

        for (var response : List.of(wrongPassword, unknownUser, unknownTenant)) {
            assertEquals(401, response.statusCode());
            assertEquals(
                    "https://lotabots.io/problems/invalid-credentials",
                    json(response).getString("type"));
            assertEquals(json(wrongPassword).getString("detail"), json(response).getString("detail"));
        }
    }

    @Test
    void requestWithoutTokenIsUnauthorizedAsProblemJson() {
        assertUnauthorized(anonymous.get(PROTECTED));
    }

    @Test
    void garbageTokenIsUnauthorized() {
        assertInvalidToken(ApiClient.withToken("not.a.jwt").get(PROTECTED));
    }

    @Test
    void unsignedTokenWithAlgNoneIsUnauthorized() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64(claimsOf(realToken()).toString());

        assertInvalidToken(ApiClient.withToken(header + "." + payload + ".").get(PROTECTED));
    }

    @Test
    void hmacTokenKeyedWithOurPublicKeyIsUnauthorized() throws Exception {
        var jwks = JWKSet.parse(anonymous.get("/.well-known/jwks.json").body());
        byte[] publicKeyBytes =
                ((RSAKey) jwks.getKeys().get(0)).toRSAPublicKey().getEncoded();
        var forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claimsOf(realToken()));
        forged.sign(new MACSigner(publicKeyBytes));

        assertInvalidToken(ApiClient.withToken(forged.serialize()).get(PROTECTED));
    }

    @Test
    void tokenSignedByAForeignKeyWithOurKeyIdIsUnauthorized() throws Exception {
        var real = SignedJWT.parse(realToken());
        RSAKey foreign =
                new RSAKeyGenerator(2048).keyID(real.getHeader().getKeyID()).generate();
        var forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(foreign.getKeyID())
                        .build(),
                real.getJWTClaimsSet());
        forged.sign(new RSASSASigner(foreign));

        assertInvalidToken(ApiClient.withToken(forged.serialize()).get(PROTECTED));
    }

    @Test
    void refreshTokenWorksOnceAndItsReuseEndsTheSession() {
        var first = ApiClient.login(ApiClient.TENANT, ApiClient.ADMIN, ApiClient.ADMIN_PASSWORD);
        var refreshed = refresh(first.getString("refresh_token"));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        var second = json(refreshed);
        assertNotEquals(first.getString("refresh_token"), second.getString("refresh_token"));
        assertEquals(
                404,
                ApiClient.withToken(second.getString("access_token"))
                        .get(PROTECTED)
                        .statusCode());

        var replay = refresh(first.getString("refresh_token"));

        assertEquals(401, replay.statusCode());
        assertEquals("https://lotabots.io/problems/invalid-grant", json(replay).getString("type"));
        assertEquals(401, refresh(second.getString("refresh_token")).statusCode(), "the whole session ended");
        assertUnauthorized(ApiClient.withToken(second.getString("access_token")).get(PROTECTED));
    }

    @Test
    void logoutEndsTheSessionForItsAccessAndRefreshTokens() {
        var tokens = ApiClient.login(ApiClient.TENANT, ApiClient.ADMIN, ApiClient.ADMIN_PASSWORD);
        var client = ApiClient.withToken(tokens.getString("access_token"));

        assertEquals(
                204,
                client.send(java.net.http.HttpRequest.newBuilder(ApiClient.uri("/api/v1/auth/logout"))
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()))
                        .statusCode());

        assertUnauthorized(client.get(PROTECTED));
        assertEquals(401, refresh(tokens.getString("refresh_token")).statusCode());
    }

    @Test
    void unknownRefreshTokenIsRejected() {
        assertEquals(401, refresh("lbr_" + UUID.randomUUID()).statusCode());
    }

    private HttpResponse<String> loginAttempt(String tenant, String username, String password) {
        return anonymous.postJson(
                "/api/v1/auth/login",
                Json.createObjectBuilder()
                        .add("tenant", tenant)
                        .add("username", username)
                        .add("password", password)
                        .build()
                        .toString());
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return anonymous.postJson(
                "/api/v1/auth/refresh",
                Json.createObjectBuilder()
                        .add("refresh_token", refreshToken)
                        .build()
                        .toString());
    }

    private static String realToken() {
        return ApiClient.login(ApiClient.TENANT, ApiClient.ADMIN, ApiClient.ADMIN_PASSWORD)
                .getString("access_token");
    }

    private static JWTClaimsSet claimsOf(String token) {
        try {
            var claims = SignedJWT.parse(token).getJWTClaimsSet();
            return new JWTClaimsSet.Builder(claims)
                    .expirationTime(Date.from(Instant.now().plusSeconds(120)))
                    .build();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** 401 problem+json with an RFC 6750 Bearer challenge, whoever refused the request. */
    private static void assertUnauthorized(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                "RFC 6750 challenge: " + response.headers().map());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0],
                response.body());
        assertEquals(401, json(response).getInt("status"));
    }

    /** A token that does not verify: the invalid-token problem and the invalid_token challenge. */
    private static void assertInvalidToken(HttpResponse<String> response) {
        assertUnauthorized(response);
        assertEquals(
                "https://lotabots.io/problems/invalid-token", json(response).getString("type"), response.body());
        assertTrue(
                response.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""),
                "RFC 6750 error code: " + response.headers().map());
    }
}
