package io.lotabots.platform.api.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body a message-body reader could not process is the caller's 400 (or 413 if it was too large). */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<ProcessingException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ProcessingException exception) {
        var tooLarge = PayloadTooLarge.findIn(exception);
        return RefusalMapper.response(tooLarge != null ? tooLarge : MalformedBody.refusal(), RequestPath.of(uriInfo));
    }
}
