package io.lotabots.platform.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * JAX-RS's own refusals (unknown route, wrong method or media type) as problem+json, and our
 * refusals that JAX-RS wrapped in one of them.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final List<String> KEPT_HEADERS =
            List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        return toResponse(exception, RequestPath.of(uriInfo));
    }

    private static Response toResponse(WebApplicationException exception, String instance) {
        var wrapped = RefusalMapper.findIn(exception.getCause());
        if (wrapped != null) {
            return RefusalMapper.response(wrapped, instance);
        }
        Response original = exception.getResponse();
        var response = standard(original.getStatus()).toResponse(instance);
        for (String header : KEPT_HEADERS) {
            if (original.getHeaders().containsKey(header)) {
                original.getHeaders().get(header).forEach(v -> response.header(header, v));
            }
        }
        return response.build();
    }

    private static Problem standard(int status) {
        return switch (status) {
            case 400 -> new Problem("bad-request", "Bad request", 400, "The request is malformed.");
            case 401 -> new Problem(
                    "unauthorized", "Authentication required", 401, "A valid access token is required.");
            case 403 -> new Problem("forbidden", "Forbidden", 403, "Your role does not allow this action.");
            case 404 -> new Problem("not-found", "Not found", 404, "No resource at this path.");
            case 405 -> new Problem(
                    "method-not-allowed",
                    "Method not allowed",
                    405,
                    "This resource does not support that HTTP method.");
            case 406 -> new Problem(
                    "not-acceptable", "Not acceptable", 406, "This resource cannot produce the requested media type.");
            case 415 -> new Problem(
                    "unsupported-media-type",
                    "Unsupported media type",
                    415,
                    "This resource does not accept the Content-Type sent.");
            default -> {
                var reason = Response.Status.fromStatusCode(status);
                String text = reason == null ? "HTTP " + status : reason.getReasonPhrase();
                yield new Problem("http-" + status, text, status, text);
            }
        };
    }
}
