package io.lotabots.platform.api.problem;

import io.lotabots.platform.paging.MalformedCursorException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A page cursor the list did not issue: 400, start the list again. */
@Provider
public class MalformedCursorMapper implements ExceptionMapper<MalformedCursorException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(MalformedCursorException exception) {
        return new Problem("malformed-cursor", "Invalid cursor", 400, exception.getMessage())
                .toResponse(uriInfo.getRequestUri().getRawPath())
                .build();
    }
}
