package io.lotabots.platform.api.problem;

/** The body exceeded the configured limit. */
public class PayloadTooLarge extends ClientProblem {

    public PayloadTooLarge(long limit) {
        super(
                413,
                "payload-too-large",
                "Payload too large",
                "The request body exceeds the limit of " + limit + " bytes.");
    }

    /** Reading the body may wrap this exception (JSON binding does); find it again. */
    static PayloadTooLarge findIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof PayloadTooLarge p) {
                return p;
            }
        }
        return null;
    }
}
