package io.lotabots.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.Metrics;
import io.lotabots.testsupport.TestServerTls;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * /metrics answers only over HTTPS and only to the scrape credential, which opens nothing else; no
 * browser page of another origin can read it.
 */
class MetricsScrapeSecurityIT {

    private static final String EVIL = "https://evil.example";

    @Test
    void theScrapeCredentialReadsTheMetrics() {
        var answer = Metrics.scrape("/metrics");

        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(answer.body().contains("# TYPE http_requests_total counter"), "the seed's names");
        assertEquals(
                "nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void withoutTheCredentialNothingIsShown() {
        for (var request : List.of(
                get(),
                get().header("Authorization", basic(Metrics.SCRAPE_USER, "not-the-password")),
                get().header("Authorization", basic("someone", Metrics.SCRAPE_PASSWORD)),
                get().header("Authorization", basic(ApiClient.ADMIN, ApiClient.ADMIN_PASSWORD)),
                get().header("Authorization", "Bearer " + token()))) {
            var answer = Metrics.send(request);

            assertEquals(401, answer.statusCode());
            assertFalse(answer.body().contains("# TYPE"), "no metric in the refusal");
        }
    }

    @Test
    void plainHttpIsSentToHttpsWithoutAMetric() {
        var answer = new ApiClient().get("/metrics");

        assertEquals(302, answer.statusCode());
        assertTrue(answer.headers().firstValue("Location").orElse("").startsWith("https://"));
        assertFalse(answer.body().contains("# TYPE"));
    }

    @Test
    void theCredentialOpensNoApiEndpointAndNoOtherLibertyEndpoint() {
        String scrape = Metrics.basic();
        for (String path : List.of("/api/v1/attestations", "/api/v1/identity/users", "/api/v1/audit/events")) {
            var answer =
                    Metrics.send(HttpRequest.newBuilder(TestServerTls.uri(path)).header("Authorization", scrape));
            assertEquals(401, answer.statusCode(), path + ": the API knows only its own tokens");
        }
        for (String path : List.of("/ibm/api/config", "/ibm/api/docs")) {
            var answer =
                    Metrics.send(HttpRequest.newBuilder(TestServerTls.uri(path)).header("Authorization", scrape));
            assertTrue(answer.statusCode() >= 400, path + " answered " + answer.statusCode());
        }
        var write = Metrics.send(HttpRequest.newBuilder(TestServerTls.uri("/metrics"))
                .header("Authorization", scrape)
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertTrue(write.statusCode() >= 400, "the reader role only reads: " + write.statusCode());
    }

    @Test
    void aPageOfAnotherOriginCannotReadTheMetrics() {
        var anonymous = Metrics.send(get().header("Origin", EVIL));
        assertEquals(401, anonymous.statusCode());
        assertFalse(
                anonymous.headers().firstValue("Access-Control-Allow-Origin").isPresent(), "no CORS at all");

        var preflight = Metrics.send(HttpRequest.newBuilder(TestServerTls.uri("/metrics"))
                .header("Origin", EVIL)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(401, preflight.statusCode(), "a preflight is refused before it is answered");
        assertFalse(
                preflight.headers().firstValue("Access-Control-Allow-Origin").isPresent());

        // With the credential, SmallRye Metrics writes "*" (never the caller's origin), which browsers do not
        // accept for a request that carried credentials: no page can read an authenticated scrape either.
        var credentialed = Metrics.send(get().header("Origin", EVIL).header("Authorization", Metrics.basic()));
        assertEquals(200, credentialed.statusCode());
        var allowed = credentialed.headers().firstValue("Access-Control-Allow-Origin");
        assertTrue(allowed.isEmpty() || allowed.get().equals("*"), "never " + EVIL + ": " + allowed);
    }

    private static HttpRequest.Builder get() {
        return HttpRequest.newBuilder(TestServerTls.uri("/metrics")).GET();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String token() {
        return ApiClient.login(ApiClient.TENANT, ApiClient.ADMIN, ApiClient.ADMIN_PASSWORD)
                .getString("access_token");
    }
}
