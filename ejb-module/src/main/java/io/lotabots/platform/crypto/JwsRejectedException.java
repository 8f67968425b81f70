package io.lotabots.platform.crypto;

/** Why {@link JwsSigners#verify} refused a JWS; callers turn the reason into their own words. */
public class JwsRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** In the order the checks run. */
    public enum Reason {
        /** The header names an algorithm the caller does not accept ({@code none}, HMAC, another family). */
        ALGORITHM,
        /** The caller has no key for it. */
        UNKNOWN_KEY,
        /** The key cannot check this algorithm (another key type or curve) or is malformed. */
        UNUSABLE_KEY,
        /** The signature does not match. */
        SIGNATURE
    }

    private final Reason reason;

    JwsRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
