package io.lotabots.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

    private final CorsPolicy policy = new CorsPolicy(
            Set.of("https://console.example.com"),
            List.of("GET", "POST", "PUT", "PATCH", "DELETE"),
            List.of("Authorization", "Content-Type", "If-Match"),
            List.of("Location", "ETag", "RateLimit", "RateLimit-Policy", "Retry-After"),
            3600);

    @Test
    void allowsOnlyExactlyTheConfiguredOrigins() {
        assertTrue(policy.allows("https://console.example.com"));
        assertFalse(policy.allows("http://console.example.com"), "another scheme");
        assertFalse(policy.allows("https://console.example.com:8443"), "another port");
        assertFalse(policy.allows("https://evil.example.com"));
        assertFalse(policy.allows("null"));
        assertFalse(policy.allows(null));
    }

    @Test
    void aPreflightLearnsMethodsHeadersAndHowLongToRememberThem() {
        var headers = policy.preflightHeaders("https://console.example.com");

        assertEquals("https://console.example.com", headers.get("Access-Control-Allow-Origin"));
        assertEquals("GET, POST, PUT, PATCH, DELETE", headers.get("Access-Control-Allow-Methods"));
        assertEquals("Authorization, Content-Type, If-Match", headers.get("Access-Control-Allow-Headers"));
        assertEquals("3600", headers.get("Access-Control-Max-Age"));
        assertFalse(headers.containsKey("Access-Control-Allow-Credentials"), "bearer tokens, not cookies");
    }

    @Test
    void anActualRequestMayReadTheExposedHeaders() {
        var headers = policy.responseHeaders("https://console.example.com");

        assertEquals("https://console.example.com", headers.get("Access-Control-Allow-Origin"));
        assertEquals(
                "Location, ETag, RateLimit, RateLimit-Policy, Retry-After",
                headers.get("Access-Control-Expose-Headers"));
    }
}
