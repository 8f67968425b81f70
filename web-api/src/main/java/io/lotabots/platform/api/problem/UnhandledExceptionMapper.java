package io.lotabots.platform.api.problem;

import io.lotabots.attestation.boundary.NonceSpentException;
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

    /** A submission that failed after its nonce could no longer be given back. */
    private static boolean spentNonce(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NonceSpentException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Response toResponse(Throwable exception) {
        var dependency = DependencyFailures.dependencyOf(exception);
        if (dependency != null) {
            return DependencyUnavailableMapper.problem(
                    dependency,
                    RequestPath.of(uriInfo),
                    spentNonce(exception)
                            ? "The attestation nonce was used up: request a new nonce, then try again later."
                            : "Try again later.");
        }
        var tooLarge = PayloadTooLarge.findIn(exception);
        if (tooLarge != null) {
            return RefusalMapper.response(tooLarge, RequestPath.of(uriInfo));
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident + " on " + RequestPath.of(uriInfo), exception);
        return new Problem(
                        "internal-error",
                        "Internal server error",
                        500,
                        "The request failed on our side. Incident id: " + incident
                                + (spentNonce(exception)
                                        ? ". The attestation nonce was used up: request a new one."
                                        : ""))
                .toResponse(RequestPath.of(uriInfo))
                .build();
    }
}
