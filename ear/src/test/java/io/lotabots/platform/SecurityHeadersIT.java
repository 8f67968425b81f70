package io.lotabots.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestServerTls;
import jakarta.json.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the server tells browsers and caches, over HTTPS and plain HTTP (issue 23, item 4). */
class SecurityHeadersIT {

    private static final Pattern DATABASE_VERSION = Pattern.compile("PostgreSQL\\s*\\d|\\d+\\.\\d+|Debian|Ubuntu");

    private final HttpClient https = TestServerTls.httpClient();

    @Test
    void theConsoleOverHttpsSendsEveryBrowserProtection() {
        var answer = send(https, HttpRequest.newBuilder(TestServerTls.uri("/admin/")));

        assertEquals(200, answer.statusCode());
        String policy = header(answer, "Content-Security-Policy");
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(policy.contains("default-src 'self'"), policy);
        assertTrue(policy.contains("object-src 'none'"), policy);
        assertFalse(policy.contains("*"), "no wildcard source: " + policy);
        assertEquals("DENY", header(answer, "X-Frame-Options"));
        assertEquals("nosniff", header(answer, "X-Content-Type-Options"));
        assertEquals("same-origin", header(answer, "Referrer-Policy"));
        assertTrue(header(answer, "Strict-Transport-Security").startsWith("max-age=31536000"));
    }

    @Test
    void theConsoleSessionCookieIsHttpOnlySameSiteLaxAndSecure() {
        var answer = send(https, HttpRequest.newBuilder(TestServerTls.uri("/admin/")));

        String cookie = answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + answer.headers()));
        List<String> attributes = List.of(cookie.toLowerCase().split("\\s*;\\s*"));
        assertTrue(attributes.contains("httponly"), cookie);
        assertTrue(attributes.contains("samesite=lax"), cookie);
        assertTrue(attributes.contains("secure"), cookie);
    }

    @Test
    void plainHttpAnswersCarryTheProtectionsButNoHsts() {
        var console = new ApiClient().get("/admin/");
        var api = new ApiClient().get("/api/v1/attestations");

        assertTrue(header(console, "Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("DENY", header(console, "X-Frame-Options"));
        for (var answer : List.of(console, api)) {
            assertTrue(
                    answer.headers().firstValue("Strict-Transport-Security").isEmpty(),
                    "HSTS only over HTTPS (RFC 6797 7.2): " + answer.uri());
        }
    }

    @Test
    void aTokenAnswerIsNeitherStoredNorSniffed() {
        var login = send(
                https,
                HttpRequest.newBuilder(TestServerTls.uri("/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                                .add("tenant", ApiClient.TENANT)
                                .add("username", ApiClient.ADMIN)
                                .add("password", ApiClient.ADMIN_PASSWORD)
                                .build()
                                .toString())));

        assertEquals(200, login.statusCode(), login.body());
        assertTrue(login.body().contains("access_token"));
        assertNoStore(login);
        assertEquals("nosniff", header(login, "X-Content-Type-Options"));
        assertTrue(header(login, "Strict-Transport-Security").startsWith("max-age="));
    }

    @Test
    void apiAnswersWithTenantDataAndErrorsAreNotStored() {
        var admin = ApiClient.asAdmin();
        var users = admin.get("/api/v1/identity/users");
        var refused = new ApiClient().get("/api/v1/identity/users");
        var unknown = admin.get("/api/v1/attestations/00000000-0000-0000-0000-000000000000");

        assertEquals(200, users.statusCode(), users.body());
        assertEquals(401, refused.statusCode());
        assertEquals(404, unknown.statusCode());
        for (var answer : List.of(users, refused, unknown)) {
            assertNoStore(answer);
            assertEquals(
                    "nosniff",
                    header(answer, "X-Content-Type-Options"),
                    answer.uri().toString());
        }
    }

    @Test
    void thePublicKeysStayCacheable() {
        var jwks = new ApiClient().get("/.well-known/jwks.json");

        assertEquals(200, jwks.statusCode());
        assertEquals("public, max-age=300", header(jwks, "Cache-Control"));
        assertEquals("nosniff", header(jwks, "X-Content-Type-Options"));
    }

    @Test
    void theFeaturesOwnEndpointsAreNotSniffedEither() {
        for (String path : List.of("/metrics", "/health/ready", "/openapi")) {
            var answer = new ApiClient().get(path);
            assertEquals("nosniff", header(answer, "X-Content-Type-Options"), path);
        }
    }

    @Test
    void libertysAdministrationApiLetsNoOneIn() {
        String basic = "Basic "
                + Base64.getEncoder().encodeToString((ApiClient.ADMIN + ":" + ApiClient.ADMIN_PASSWORD).getBytes());
        for (String path : List.of("/ibm/api/", "/ibm/api/docs", "/ibm/api/config")) {
            var anonymous = send(https, HttpRequest.newBuilder(TestServerTls.uri(path)));
            var withPassword =
                    send(https, HttpRequest.newBuilder(TestServerTls.uri(path)).header("Authorization", basic));
            var plain = new ApiClient().get(path);

            for (var answer : List.of(anonymous, withPassword)) {
                assertTrue(
                        answer.statusCode() == 401 || answer.statusCode() == 404,
                        path + " answered " + answer.statusCode());
            }
            assertTrue(plain.statusCode() != 200, path + " over HTTP answered 200");
        }
    }

    @Test
    void readinessNamesTheDatabaseButNotItsVersion() {
        var ready = new ApiClient().get("/health/ready");

        assertEquals(200, ready.statusCode(), ready.body());
        var postgres = ApiClient.json(ready).getJsonArray("checks").stream()
                .map(c -> c.asJsonObject())
                .filter(c -> c.getString("name").equals("postgresql"))
                .findFirst()
                .orElseThrow();
        String detail = postgres.getJsonObject("data").getString("detail");
        assertTrue(detail.startsWith("PostgreSQL"), detail);
        assertFalse(DATABASE_VERSION.matcher(detail).find(), detail);
        assertFalse(
                DATABASE_VERSION
                        .matcher(ready.body().replaceAll("\"latencyMillis\":\\d+", ""))
                        .find(),
                ready.body());
    }

    private static void assertNoStore(HttpResponse<?> answer) {
        String cacheControl = header(answer, "Cache-Control");
        assertTrue(
                List.of(cacheControl.toLowerCase().split("\\s*,\\s*")).contains("no-store"),
                answer.uri() + " " + answer.statusCode() + ": Cache-Control " + cacheControl);
    }

    private static String header(HttpResponse<?> answer, String name) {
        return answer.headers()
                .firstValue(name)
                .orElseThrow(() -> new AssertionError(name + " missing on " + answer.uri() + ": " + answer.headers()));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
