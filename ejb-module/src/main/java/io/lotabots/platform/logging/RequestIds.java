package io.lotabots.platform.logging;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of a request in the logs and in its {@code X-Request-Id} answer header: the caller's own
 * (a proxy's or client's, so one id follows the request through every hop) when it is a short token
 * of letters, digits and {@code . _ : -}; otherwise a new random one. Anything else could carry line
 * breaks, markup or personal data into the logs.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The log field ({@code ext_requestId} in JSON logs). */
    public static final String FIELD = "requestId";
    /** The log field of the caller's tenant ({@code ext_tenant}). */
    public static final String TENANT_FIELD = "tenant";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private RequestIds() {}

    /** The caller's id if acceptable, else a new one. */
    public static String accept(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }
}
