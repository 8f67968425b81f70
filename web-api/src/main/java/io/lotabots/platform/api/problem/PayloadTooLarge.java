package io.lotabots.platform.api.problem;

import io.lotabots.platform.refusal.Refusal;
import io.lotabots.platform.refusal.Refusal.Kind;

/** The body exceeded the configured limit. */
public final class PayloadTooLarge {

    private PayloadTooLarge() {}

    public static Refusal refusal(long limit) {
        return Refusal.of(
                Kind.TOO_LARGE,
                "payload-too-large",
                "Payload too large",
                "The request body exceeds the limit of " + limit + " bytes.");
    }

    /** Reading the body may wrap this refusal (JSON binding does); find it again. */
    static Refusal findIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof Refusal refusal && refusal.kind() == Kind.TOO_LARGE) {
                return refusal;
            }
        }
        return null;
    }
}
