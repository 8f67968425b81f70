package io.lotabots.identity.control;

import static java.time.Duration.ZERO;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BruteForcePolicyTest {

    private final BruteForcePolicy policy = new BruteForcePolicy(
            new FailureThreshold(3, 10),
            new FailureThreshold(20, 100),
            ofMinutes(15),
            ofSeconds(1),
            ofSeconds(8),
            ofMinutes(15),
            ofHours(24));

    @Test
    void evaluatesAttemptsAtOnceUntilTheDelayThreshold() {
        assertEquals(ZERO, policy.delayBefore(0, 0));
        assertEquals(ZERO, policy.delayBefore(2, 19));
    }

    @Test
    void delaysEachAttemptAfterTheThresholdTwiceAsLongAsTheOneBefore() {
        assertEquals(ofSeconds(1), policy.delayBefore(3, 0));
        assertEquals(ofSeconds(2), policy.delayBefore(4, 0));
        assertEquals(ofSeconds(4), policy.delayBefore(5, 0));
        assertEquals(ofSeconds(8), policy.delayBefore(6, 0));
    }

    @Test
    void neverDelaysLongerThanTheMaximum() {
        assertEquals(ofSeconds(8), policy.delayBefore(9, 0));
        assertEquals(ofSeconds(8), policy.delayBefore(Long.MAX_VALUE, 0), "no overflow for absurd counts");
    }

    @Test
    void theAddressThresholdDelaysEvenAFreshAccount() {
        assertEquals(ofSeconds(1), policy.delayBefore(0, 20));
        assertEquals(ofSeconds(2), policy.delayBefore(3, 21), "the longer of the two delays wins");
    }

    @Test
    void locksAnAccountAtItsThresholdAndAnAddressAtItsOwn() {
        assertFalse(policy.locksAccount(9));
        assertTrue(policy.locksAccount(10));
        assertFalse(policy.locksAddress(99));
        assertTrue(policy.locksAddress(100));
    }

    @Test
    void repeatedLockoutsLastLongerUpToTheMaximum() {
        assertEquals(ofMinutes(15), policy.lockoutDuration(1));
        assertEquals(ofMinutes(30), policy.lockoutDuration(2));
        assertEquals(ofHours(16), policy.lockoutDuration(7));
        assertEquals(ofHours(24), policy.lockoutDuration(8));
        assertEquals(ofHours(24), policy.lockoutDuration(1_000));
        assertEquals(ofHours(24), policy.lockoutMemory());
    }

    @Test
    void refusesNonsensicalSettings() {
        var threshold = new FailureThreshold(3, 10);
        assertThrows(IllegalArgumentException.class, () -> new FailureThreshold(0, 10));
        assertThrows(
                IllegalArgumentException.class,
                () -> new BruteForcePolicy(
                        threshold, threshold, ofMinutes(15), ofSeconds(8), ofSeconds(1), ofMinutes(1), ofHours(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new BruteForcePolicy(
                        threshold, threshold, ZERO, ofSeconds(1), ofSeconds(8), ofMinutes(1), ofHours(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new BruteForcePolicy(
                        threshold,
                        threshold,
                        ofMinutes(15),
                        ofSeconds(1),
                        ofSeconds(8),
                        Duration.ofMinutes(-1),
                        ofHours(1)));
    }
}
