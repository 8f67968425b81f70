package io.lotabots.platform.api.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else. A dependency failure found anywhere in the cause chain is a 503 naming the
 * dependency; any other failure is a 500 whose detail carries only an incident id that is logged
 * with the stack trace.
 */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnhandledExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        var dependency = DependencyFailures.dependencyOf(exception);
        if (dependency != null) {
            return DependencyUnavailableMapper.problem(dependency, RequestPath.of(uriInfo));
        }
        var tooLarge = PayloadTooLarge.findIn(exception);
        if (tooLarge != null) {
            return WebApplicationExceptionMapper.toResponse(tooLarge, RequestPath.of(uriInfo));
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident + " on " + RequestPath.of(uriInfo), exception);
        return new Problem(
                        "internal-error",
                        "Internal server error",
                        500,
                        "The request failed on our side. Incident id: " + incident)
                .toResponse(RequestPath.of(uriInfo))
                .build();
    }
}
