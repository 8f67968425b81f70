package io.lotabots.platform.api.metrics;

import java.util.Locale;
import java.util.Set;

/**
 * The method and status labels of a request, each from a bounded set: a client can send any method
 * name, and a label per invented method would be a new series each time.
 */
public final class RequestLabels {

    static final String OTHER = "OTHER";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private RequestLabels() {}

    public static String method(String method) {
        if (method == null) {
            return OTHER;
        }
        String upper = method.toUpperCase(Locale.ROOT);
        return METHODS.contains(upper) ? upper : OTHER;
    }

    /** The three-digit status; anything outside 100..599 (which no HTTP answer carries) is "other". */
    public static String status(int status) {
        return status >= 100 && status <= 599 ? Integer.toString(status) : "other";
    }
}
