package io.lotabots.platform.api.problem;

import jakarta.ws.rs.core.UriInfo;

/** The request path that goes into a problem's {@code instance}. */
final class RequestPath {

    private RequestPath() {}

    static String of(UriInfo uriInfo) {
        try {
            return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        } catch (IllegalArgumentException unparsable) {
            return null; // a URI java.net.URI refuses (RawRequestCheck answers those first)
        }
    }
}
