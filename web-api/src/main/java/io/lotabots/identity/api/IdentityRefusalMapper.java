package io.lotabots.identity.api;

import io.lotabots.identity.boundary.CurrentPasswordMismatchException;
import io.lotabots.identity.boundary.IdentityNotFoundException;
import io.lotabots.identity.boundary.IdentityRefusal;
import io.lotabots.identity.boundary.InvalidClientException;
import io.lotabots.identity.boundary.InvalidIdentityInputException;
import io.lotabots.identity.boundary.LastAdministratorException;
import io.lotabots.identity.boundary.PasswordRejectedException;
import io.lotabots.identity.boundary.TenantNameTakenException;
import io.lotabots.identity.boundary.TenantStateException;
import io.lotabots.identity.boundary.UsernameTakenException;
import io.lotabots.identity.boundary.VersionMismatchException;
import io.lotabots.platform.api.VersionTag;
import io.lotabots.platform.api.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Each kind of refused identity request as its problem+json; invalid input (the identity boundaries'
 * rules, shared with the console) and a refused password list every problem by field.
 */
@Provider
public class IdentityRefusalMapper implements ExceptionMapper<IdentityRefusal> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(IdentityRefusal refusal) {
        var response = problem(refusal).toResponse(uriInfo.getRequestUri().getRawPath());
        if (refusal instanceof VersionMismatchException stale) {
            response.header(HttpHeaders.ETAG, VersionTag.of(stale.currentVersion()));
        } else if (refusal instanceof InvalidClientException) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"lotabots\"");
        }
        return response.build();
    }

    private static Problem problem(IdentityRefusal refusal) {
        String detail = refusal.getMessage();
        if (refusal instanceof PasswordRejectedException rejected) {
            return new Problem("weak-password", "Password not allowed", 400, detail, errors(rejected));
        }
        if (refusal instanceof InvalidIdentityInputException invalid) {
            return new Problem("validation", "Invalid request", 400, detail, errors(invalid));
        }
        if (refusal instanceof TenantNameTakenException) {
            return new Problem("tenant-name-taken", "Tenant name taken", 409, detail);
        }
        if (refusal instanceof TenantStateException state) {
            return state.suspended()
                    ? new Problem("tenant-suspended", "Tenant suspended already", 409, detail)
                    : new Problem("tenant-active", "Tenant not suspended", 409, detail);
        }
        if (refusal instanceof IdentityNotFoundException) {
            return new Problem("not-found", "Not found", 404, detail);
        }
        if (refusal instanceof UsernameTakenException) {
            return new Problem("username-taken", "Username taken", 409, detail);
        }
        if (refusal instanceof LastAdministratorException) {
            return new Problem("last-administrator", "Last administrator", 409, detail);
        }
        if (refusal instanceof VersionMismatchException) {
            return new Problem("precondition-failed", "Changed in the meantime", 412, detail);
        }
        if (refusal instanceof CurrentPasswordMismatchException) {
            return new Problem("current-password-mismatch", "Current password not correct", 403, detail);
        }
        if (refusal instanceof InvalidClientException) {
            return new Problem(
                    "invalid-client",
                    "Invalid client",
                    401,
                    "The API key is unknown, revoked or expired, or does not match the client id.");
        }
        throw new IllegalStateException(
                "no problem document for " + refusal.getClass().getName());
    }

    private static List<Problem.FieldError> errors(InvalidIdentityInputException invalid) {
        return invalid.problems().stream()
                .map(p -> new Problem.FieldError(p.field(), p.message()))
                .toList();
    }
}
