package io.lotabots.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.platform.ratelimit.RateLimitDecision;
import io.lotabots.platform.ratelimit.RateLimitPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

    @Test
    void thePolicyNamesQuotaAndWindowInSeconds() {
        assertEquals(
                "\"default\";q=1000;w=60",
                RateLimitHeaders.policy(new RateLimitPolicy(1000, Duration.ofMinutes(1), 50)));
    }

    @Test
    void theStateNamesRemainingRequestsAndSecondsUntilReset() {
        assertEquals("\"default\";r=49;t=1", RateLimitHeaders.state(new RateLimitDecision(true, 49, 1, 0)));
        assertEquals("\"default\";r=0;t=3", RateLimitHeaders.state(new RateLimitDecision(false, 0, 3, 1)));
    }
}
