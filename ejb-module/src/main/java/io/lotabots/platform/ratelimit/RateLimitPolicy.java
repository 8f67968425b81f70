package io.lotabots.platform.ratelimit;

import java.time.Duration;

/**
 * A token bucket: at most {@code burst} requests at once, refilled at {@code requests} per {@code
 * window} (1000 per minute is one request every 60 ms). Kept as the client's "theoretical arrival
 * time" (GCRA): the moment its bucket would be full again. A request adds one emission interval to
 * it and passes while that stays within the burst tolerance ahead of now; the backlog (that moment
 * minus now) is all the headers need.
 */
public record RateLimitPolicy(int requests, Duration window, int burst) {

    private static final long MICROS_PER_SECOND = 1_000_000;

    public RateLimitPolicy {
        if (requests < 1 || burst < 1 || window == null || window.toNanos() < requests * 1_000L) {
            throw new IllegalArgumentException("a rate limit needs requests >= 1, burst >= 1 and a window of at least"
                    + " one microsecond per request; got " + requests + " per " + window + ", burst " + burst);
        }
    }

    /** The time one request uses up, in microseconds. */
    public long emissionIntervalMicros() {
        return window.toNanos() / 1_000 / requests;
    }

    /** How far ahead of now the bucket's full-again moment may run: {@code burst} requests' worth. */
    public long toleranceMicros() {
        return emissionIntervalMicros() * burst;
    }

    /**
     * The decision from the script's answer: whether it passed, and the backlog in microseconds after
     * it (if it passed) or as it stands (if refused).
     */
    public RateLimitDecision decide(boolean allowed, long backlogMicros) {
        long interval = emissionIntervalMicros();
        long backlog = Math.max(0, backlogMicros);
        long reset = ceilSeconds(backlog);
        if (allowed) {
            long remaining = Math.max(0, (toleranceMicros() - backlog) / interval);
            return new RateLimitDecision(true, remaining, reset, 0);
        }
        long untilNext = backlog + interval - toleranceMicros();
        return new RateLimitDecision(false, 0, reset, Math.max(1, ceilSeconds(untilNext)));
    }

    public long windowSeconds() {
        return window.toSeconds();
    }

    private static long ceilSeconds(long micros) {
        return micros <= 0 ? 0 : (micros + MICROS_PER_SECOND - 1) / MICROS_PER_SECOND;
    }
}
