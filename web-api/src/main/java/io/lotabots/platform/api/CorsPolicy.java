package io.lotabots.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which browser origins may call the API, and the CORS headers they get. Origins match exactly
 * (scheme, host and port, as the browser sends them); any other origin gets no CORS header at all.
 */
record CorsPolicy(
        Set<String> origins,
        List<String> methods,
        List<String> allowedHeaders,
        List<String> exposedHeaders,
        long maxAgeSeconds) {

    boolean allows(String origin) {
        return origin != null && origins.contains(origin);
    }

    /** The answer to an allowed origin's preflight. */
    Map<String, String> preflightHeaders(String origin) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Access-Control-Allow-Origin", origin);
        headers.put("Access-Control-Allow-Methods", String.join(", ", methods));
        headers.put("Access-Control-Allow-Headers", String.join(", ", allowedHeaders));
        headers.put("Access-Control-Max-Age", Long.toString(maxAgeSeconds));
        return headers;
    }

    /** What an allowed origin's actual request gets: permission to read the answer and these headers of it. */
    Map<String, String> responseHeaders(String origin) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Access-Control-Allow-Origin", origin);
        headers.put("Access-Control-Expose-Headers", String.join(", ", exposedHeaders));
        return headers;
    }
}
