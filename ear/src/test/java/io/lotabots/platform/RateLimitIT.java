package io.lotabots.platform;

import static io.lotabots.testsupport.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.Metrics;
import io.lotabots.testsupport.TestTenant;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Rate limits per client, shared through Redis: the test server allows 1200 requests a minute with
 * bursts of 300, which only this test's own user ever exhausts.
 */
class RateLimitIT {

    private static final String PASSWORD = "rate-limit-it-Passw0rd";
    private static final String PROBE = "/api/v1/rate-limit-probe";
    private static final Pattern STATE = Pattern.compile("\"default\";r=(\\d+);t=(\\d+)");
    private static final String POLICY = "\"default\";q=1200;w=60";

    private final TestTenant fixture = TestTenant.create("ratelimit");
    private final String tenant = fixture.name();
    /** HTTP/1.1: many requests at once over cleartext HTTP/2 (h2c) upgrades have stalled in this server. */
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void everyApiAnswerCarriesThePolicyAndTheClientsState() {
        var answer = ApiClient.asAdmin().get(PROBE);

        assertEquals(404, answer.statusCode());
        assertEquals(POLICY, answer.headers().firstValue("RateLimit-Policy").orElse(null));
        var state = STATE.matcher(answer.headers().firstValue("RateLimit").orElse(""));
        assertTrue(state.matches(), answer.headers().map().toString());
        assertTrue(Long.parseLong(state.group(1)) < 300, "one of the burst used");
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterWhileOthersGoOn() {
        String user = newUser();
        String secondToken = token(user);
        var refused = exhaust(token(user));

        assertEquals(429, refused.statusCode());
        assertEquals(
                "application/problem+json",
                refused.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("https://lotabots.io/problems/rate-limited", json(refused).getString("type"));
        assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertEquals(POLICY, refused.headers().firstValue("RateLimit-Policy").orElse(null));
        var state = STATE.matcher(refused.headers().firstValue("RateLimit").orElse(""));
        assertTrue(state.matches());
        assertEquals("0", state.group(1));

        // the bucket refills one request every 50 ms: of ten sent at once, most must still be refused
        assertTrue(
                send(secondToken, 10).stream()
                                .filter(r -> r.statusCode() == 429)
                                .count()
                        >= 5,
                "the limit is the user's, whichever of its tokens it sends");
        var someoneElse = ApiClient.asAdmin().get(PROBE);
        assertEquals(404, someoneElse.statusCode(), "other clients have their own allowance");
    }

    @Test
    void healthMetricsAndOpenApiAreNotRateLimited() {
        var api = new ApiClient();
        for (String path : new String[] {"/health/live", "/openapi"}) {
            var answer = api.get(path);
            assertEquals(200, answer.statusCode(), path);
            assertFalse(answer.headers().firstValue("RateLimit").isPresent(), path);
        }
        var scrape = Metrics.scrape("/metrics");
        assertEquals(200, scrape.statusCode());
        assertFalse(scrape.headers().firstValue("RateLimit").isPresent(), "/metrics");
    }

    @Test
    void withoutRedisTheLimitFailsClosedWith503() {
        var services = new DevServicesReport();
        var api = new ApiClient();
        services.setReachable("redis", false);
        try {
            var answer = api.get(PROBE);

            assertEquals(503, answer.statusCode(), answer.body());
            assertEquals(
                    "https://lotabots.io/problems/dependency-unavailable",
                    json(answer).getString("type"));
            assertTrue(answer.headers().firstValue("Retry-After").isPresent());
        } finally {
            services.setReachable("redis", true);
            Eventually.await(
                    Duration.ofSeconds(30),
                    () -> api.get(PROBE).statusCode(),
                    status -> status != 503,
                    "the API to answer again once Redis is back");
        }
    }

    /** Sends requests, 25 at a time, until the first 429 (the burst is 300, refilled at 20 a second). */
    private HttpResponse<String> exhaust(String token) {
        for (int sent = 0; sent < 3000; sent += 25) {
            for (var response : send(token, 25)) {
                assertNotEquals(503, response.statusCode(), response.body());
                if (response.statusCode() == 429) {
                    return response;
                }
            }
        }
        throw new AssertionError("3000 requests never reached the limit");
    }

    /** Sends {@code count} requests at once with a token; the answers in the order sent. */
    private List<HttpResponse<String>> send(String token, int count) {
        var request = HttpRequest.newBuilder(ApiClient.uri(PROBE))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        var answers = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < count; i++) {
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }

    private String newUser() {
        String name = "user-" + UUID.randomUUID().toString().substring(0, 8);
        fixture.addUser(name, PASSWORD, "DEVELOPER");
        return name;
    }

    private String token(String user) {
        return ApiClient.login(tenant, user, PASSWORD).getString("access_token");
    }
}
