package io.lotabots.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitPolicyTest {

    /** The gateway's settings: 1000 requests a minute, 50 at once. */
    private final RateLimitPolicy policy = new RateLimitPolicy(1000, Duration.ofSeconds(60), 50);

    @Test
    void oneRequestUsesUpTheWindowDividedByTheRequests() {
        assertEquals(60_000, policy.emissionIntervalMicros());
        assertEquals(3_000_000, policy.toleranceMicros(), "50 requests' worth");
        assertEquals(60, policy.windowSeconds());
    }

    @Test
    void theFirstRequestOfAnIdleClientLeavesTheRestOfTheBurst() {
        var decision = policy.decide(true, 60_000);

        assertTrue(decision.allowed());
        assertEquals(49, decision.remaining());
        assertEquals(1, decision.resetSeconds(), "full again after one interval, rounded up");
    }

    @Test
    void theLastRequestOfABurstLeavesNothing() {
        var decision = policy.decide(true, 3_000_000);

        assertEquals(0, decision.remaining());
        assertEquals(3, decision.resetSeconds());
    }

    @Test
    void aRefusedRequestSaysWhenTheNextOnePasses() {
        var refused = policy.decide(false, 3_000_000);

        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.retryAfterSeconds(), "one interval, but never less than a second");
        assertEquals(3, refused.resetSeconds());
    }

    @Test
    void aSlowLimitMakesTheClientWaitLonger() {
        var slow = new RateLimitPolicy(2, Duration.ofSeconds(60), 1);

        var refused = slow.decide(false, 30_000_000);

        assertEquals(30, refused.retryAfterSeconds());
        assertEquals(30, refused.resetSeconds());
    }

    @Test
    void roundsPartialSecondsUp() {
        assertEquals(2, policy.decide(true, 1_000_001).resetSeconds());
        assertEquals(0, policy.decide(true, 0).resetSeconds());
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy(0, Duration.ofSeconds(60), 50));
        assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy(1000, Duration.ofSeconds(60), 0));
        assertThrows(IllegalArgumentException.class, () -> new RateLimitPolicy(1000, Duration.ZERO, 50));
    }
}
