package io.lotabots.identity;

import static io.lotabots.testsupport.ApiClient.json;
import static io.lotabots.testsupport.Metrics.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.Metrics;
import jakarta.json.Json;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Logins, lockouts, sessions, refreshes and rate-limit refusals are in the Prometheus output. */
class IdentityMetricsIT {

    private final ApiClient client = new ApiClient();

    @Test
    void everyIdentityMetricIsExposedFromStartUp() {
        String metrics = Metrics.scrape();

        for (String series : new String[] {
            "identity_logins_total{outcome=\"success\"}",
            "identity_logins_total{outcome=\"failure\"}",
            "identity_logins_total{outcome=\"locked\"}",
            "identity_lockouts_total{scope=\"account\"}",
            "identity_lockouts_total{scope=\"address\"}",
            "identity_refreshes_total{outcome=\"success\"}",
            "identity_refreshes_total{outcome=\"rejected\"}",
            "identity_sessions_active{}",
            "ratelimit_rejected_total{}",
            "identity_tokens_rejected_total{reason=\"signature\"}",
            "identity_tokens_rejected_total{reason=\"revoked\"}"
        }) {
            assertTrue(value(metrics, series) >= 0, series);
        }
    }

    @Test
    void refusedAccessTokensAreCountedByReason() {
        String token = ApiClient.login(ApiClient.TENANT, ApiClient.ADMIN, ApiClient.ADMIN_PASSWORD)
                .getString("access_token");
        String forged =
                token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        String before = Metrics.scrape();

        assertEquals(
                401, ApiClient.withToken(forged).get("/api/v1/identity/users").statusCode());
        assertEquals(
                401,
                ApiClient.withToken("not-a-jwt").get("/api/v1/identity/users").statusCode());

        String after = Metrics.scrape();
        for (String reason : new String[] {"signature", "malformed"}) {
            String series = "identity_tokens_rejected_total{reason=\"" + reason + "\"}";
            assertTrue(value(after, series) >= value(before, series) + 1, series + " in " + after);
        }
    }

    @Test
    void loginsAndRefreshesAreCountedByOutcome() {
        String before = Metrics.scrape();
        var tokens = ApiClient.login(ApiClient.TENANT, ApiClient.ADMIN, ApiClient.ADMIN_PASSWORD);
        var failed = LoginAttempts.fromNewAddress()
                .login(ApiClient.TENANT, "nobody-" + UUID.randomUUID(), LoginAttempts.WRONG_PASSWORD);
        assertEquals(401, failed.statusCode());
        var refreshed = client.postJson(
                "/api/v1/auth/refresh",
                Json.createObjectBuilder()
                        .add("refresh_token", tokens.getString("refresh_token"))
                        .build()
                        .toString());
        assertEquals(200, refreshed.statusCode());
        assertTrue(json(refreshed).containsKey("access_token"));

        String after = Metrics.scrape();

        for (String series : new String[] {
            "identity_logins_total{outcome=\"success\"}",
            "identity_logins_total{outcome=\"failure\"}",
            "identity_refreshes_total{outcome=\"success\"}"
        }) {
            assertTrue(value(after, series) >= value(before, series) + 1, series);
        }
    }

    @Test
    void activeSessionsCountTheSessionsThatAreStillUsable() {
        ApiClient.login(ApiClient.TENANT, ApiClient.ADMIN, ApiClient.ADMIN_PASSWORD);

        Eventually.await(
                Duration.ofSeconds(30),
                () -> value(Metrics.scrape(), "identity_sessions_active{}"),
                active -> active >= 1,
                "the session gauge (refreshed every 10 s) to count the new session");
    }
}
