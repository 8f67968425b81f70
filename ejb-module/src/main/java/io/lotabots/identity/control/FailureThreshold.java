package io.lotabots.identity.control;

/**
 * How many failed logins (of one account, or from one source address) are tolerated before each
 * further attempt is delayed, and before the account or address is locked.
 */
public record FailureThreshold(int delayAfter, int lockAfter) {

    public FailureThreshold {
        if (delayAfter < 1 || lockAfter < 1) {
            throw new IllegalArgumentException("failure thresholds must be at least 1, got delay-after " + delayAfter
                    + ", lock-after " + lockAfter);
        }
    }
}
