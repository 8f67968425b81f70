package io.lotabots.consent.boundary;

import java.time.Instant;
import java.util.UUID;

/**
 * A subject's current answer for one purpose: {@code granted}, {@code withdrawn}, or {@code none} when they
 * never answered. {@code renewalDue} is true when the grant was given under an older policy version than
 * the current one.
 */
public record ConsentStateView(
        String subject,
        String purpose,
        String state,
        Integer policyVersion,
        int currentPolicyVersion,
        boolean renewalDue,
        Instant changedAt,
        UUID recordId) {

    static final String GRANTED = "granted";
    static final String WITHDRAWN = "withdrawn";
    static final String NONE = "none";

    static String state(boolean granted) {
        return granted ? GRANTED : WITHDRAWN;
    }
}
