package io.lotabots.platform.api.problem;

import jakarta.ws.rs.core.UriInfo;

/** The request path that goes into a problem's {@code instance}. */
final class RequestPath {

    private RequestPath() {}

    static String of(UriInfo uriInfo) {
        return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    }
}
