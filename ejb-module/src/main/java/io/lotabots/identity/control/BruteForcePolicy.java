package io.lotabots.identity.control;

import java.time.Duration;
import java.util.Objects;

/**
 * Answers, from failure counts alone, how long a login attempt waits before it is evaluated and when
 * an account or a source address is locked. Delays and lockouts double with each step up to their
 * maximum. Failures are counted in fixed windows; earlier lockouts are remembered for the longest
 * lockout, so a repeat offender gets longer ones.
 */
public record BruteForcePolicy(
        FailureThreshold account,
        FailureThreshold address,
        Duration window,
        Duration firstDelay,
        Duration maxDelay,
        Duration firstLockout,
        Duration maxLockout) {

    /** Doubling stops here; 2^30 times any sane base is far past any maximum. */
    private static final int MAX_DOUBLINGS = 30;

    public BruteForcePolicy {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(address, "address");
        requirePositive("window", window);
        requirePositive("delay", firstDelay);
        requirePositive("lock-duration", firstLockout);
        if (maxDelay.compareTo(firstDelay) < 0 || maxLockout.compareTo(firstLockout) < 0) {
            throw new IllegalArgumentException("a maximum delay or lockout is shorter than the first one");
        }
    }

    /** The wait before an attempt is evaluated: the longer of what the account's and the address's failures call for. */
    public Duration delayBefore(long accountFailures, long addressFailures) {
        var forAccount = doubled(firstDelay, maxDelay, accountFailures - account.delayAfter());
        var forAddress = doubled(firstDelay, maxDelay, addressFailures - address.delayAfter());
        return forAccount.compareTo(forAddress) >= 0 ? forAccount : forAddress;
    }

    public boolean locksAccount(long accountFailures) {
        return accountFailures >= account.lockAfter();
    }

    public boolean locksAddress(long addressFailures) {
        return addressFailures >= address.lockAfter();
    }

    /** How long the n-th lockout (counting from 1) within the remembered period lasts. */
    public Duration lockoutDuration(long lockoutNumber) {
        return doubled(firstLockout, maxLockout, Math.max(0, lockoutNumber - 1));
    }

    /** How long earlier lockouts are remembered, to lengthen the next one. */
    public Duration lockoutMemory() {
        return maxLockout;
    }

    /** Zero for a negative step, else base doubled {@code step} times, capped at max. */
    static Duration doubled(Duration base, Duration max, long step) {
        if (step < 0) {
            return Duration.ZERO;
        }
        var value = base.multipliedBy(1L << Math.min(step, MAX_DOUBLINGS));
        return value.compareTo(max) > 0 ? max : value;
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }
}
