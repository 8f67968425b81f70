package io.lotabots.platform.api.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body the JSON binding could not read (syntax error, wrong type for a field) is the caller's 400. */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<ProcessingException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ProcessingException exception) {
        var tooLarge = PayloadTooLarge.findIn(exception);
        if (tooLarge != null) {
            return new WebApplicationExceptionMapper().toResponse(tooLarge);
        }
        return new Problem(
                        "malformed-body",
                        "Malformed request body",
                        400,
                        "The body is not valid JSON for this resource.")
                .toResponse(RequestPath.of(uriInfo))
                .build();
    }
}
