package io.lotabots.platform.ratelimit;

/**
 * The answer for one request: whether it may pass, how many more may pass right now, in how many
 * seconds the client's allowance is whole again, and (when refused) when to retry.
 */
public record RateLimitDecision(boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {}
