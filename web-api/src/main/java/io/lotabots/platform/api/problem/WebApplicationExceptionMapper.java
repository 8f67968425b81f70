package io.lotabots.platform.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Unknown routes, wrong methods, wrong media types and other JAX-RS errors as problem+json. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        var problem =
                switch (status) {
                    case 400 -> new Problem(
                            "bad-request", "Bad request", 400, detailOr(exception, "The request is malformed."));
                    case 401 -> new Problem(
                            "unauthorized", "Authentication required", 401, "A valid access token is required.");
                    case 403 -> new Problem("forbidden", "Forbidden", 403, "Your role does not allow this action.");
                    case 404 -> new Problem(
                            "not-found", "Not found", 404, detailOr(exception, "No resource at this path."));
                    case 405 -> new Problem(
                            "method-not-allowed",
                            "Method not allowed",
                            405,
                            "This resource does not support that HTTP method.");
                    case 406 -> new Problem(
                            "not-acceptable",
                            "Not acceptable",
                            406,
                            "This resource cannot produce the requested media type.");
                    case 413 -> new Problem(
                            "payload-too-large",
                            "Payload too large",
                            413,
                            detailOr(exception, "The request body is too large."));
                    case 415 -> new Problem(
                            "unsupported-media-type",
                            "Unsupported media type",
                            415,
                            "This resource does not accept the Content-Type sent.");
                    default -> new Problem(
                            "http-" + status,
                            original.getStatusInfo().getReasonPhrase(),
                            status,
                            detailOr(exception, original.getStatusInfo().getReasonPhrase()));
                };
        var response = problem.toResponse(RequestPath.of(uriInfo));
        for (String header : new String[] {HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER}) {
            if (original.getHeaders().containsKey(header)) {
                original.getHeaders().get(header).forEach(v -> response.header(header, v));
            }
        }
        return response.build();
    }

    private static String detailOr(WebApplicationException e, String fallback) {
        return e instanceof ClientProblem && e.getMessage() != null ? e.getMessage() : fallback;
    }
}
