package io.lotabots.platform.api;

import io.lotabots.platform.ratelimit.RateLimitDecision;
import io.lotabots.platform.ratelimit.RateLimitPolicy;

/**
 * The rate-limit fields of draft-ietf-httpapi-ratelimit-headers, as structured-field lists with one
 * policy named "default": {@code RateLimit-Policy: "default";q=1000;w=60} (quota per window in
 * seconds) and {@code RateLimit: "default";r=49;t=1} (requests that may be sent right now, and seconds
 * until the allowance is whole again).
 */
final class RateLimitHeaders {

    static final String POLICY = "RateLimit-Policy";
    static final String STATE = "RateLimit";
    private static final String NAME = "\"default\"";

    private RateLimitHeaders() {}

    static String policy(RateLimitPolicy policy) {
        return NAME + ";q=" + policy.requests() + ";w=" + policy.windowSeconds();
    }

    static String state(RateLimitDecision decision) {
        return NAME + ";r=" + decision.remaining() + ";t=" + decision.resetSeconds();
    }
}
