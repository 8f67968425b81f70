package io.lotabots.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Browsers on the configured origin (https://console.lotabots.test on the test server) may call the API; no other. */
class CorsIT {

    private static final String ALLOWED = "https://console.lotabots.test";
    private static final String PATH = "/api/v1/attestations";

    @Test
    void aPreflightFromTheAllowedOriginIsAnsweredWithoutAToken() {
        var answer = preflight(ALLOWED);

        assertEquals(204, answer.statusCode(), answer.body());
        assertEquals(ALLOWED, header(answer, "Access-Control-Allow-Origin"));
        assertEquals("GET, POST, PUT, PATCH, DELETE", header(answer, "Access-Control-Allow-Methods"));
        assertEquals("Authorization, Content-Type, If-Match", header(answer, "Access-Control-Allow-Headers"));
        assertEquals("3600", header(answer, "Access-Control-Max-Age"));
    }

    @Test
    void aPreflightFromAnotherOriginGetsNoCorsHeaders() {
        var answer = preflight("https://evil.example");

        assertEquals(403, answer.statusCode());
        assertFalse(answer.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertFalse(answer.headers().firstValue("Access-Control-Allow-Methods").isPresent());
    }

    @Test
    void anAllowedOriginMayReadTheAnswerAndItsRateLimitHeaders() {
        var answer = ApiClient.asAdmin().send(get(ALLOWED));

        assertEquals(404, answer.statusCode());
        assertEquals(ALLOWED, header(answer, "Access-Control-Allow-Origin"));
        assertTrue(header(answer, "Access-Control-Expose-Headers").contains("RateLimit-Policy"));
        assertTrue(header(answer, "Vary").contains("Origin"));
    }

    @Test
    void anotherOriginsRequestIsServedWithoutCorsHeaders() {
        var answer = ApiClient.asAdmin().send(get("https://evil.example"));

        assertEquals(404, answer.statusCode());
        assertFalse(answer.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    private static HttpResponse<String> preflight(String origin) {
        return new ApiClient()
                .send(HttpRequest.newBuilder(ApiClient.uri(PATH))
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization, content-type")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpRequest.Builder get(String origin) {
        return HttpRequest.newBuilder(ApiClient.uri(PATH + "/" + java.util.UUID.randomUUID()))
                .header("Origin", origin)
                .GET();
    }

    private static String header(HttpResponse<String> answer, String name) {
        return answer.headers().firstValue(name).orElse("");
    }
}
