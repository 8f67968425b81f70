package io.lotabots.identity.api;

import io.lotabots.audit.api.AuditContextCarrier;
import io.lotabots.identity.boundary.Logins;
import io.lotabots.identity.boundary.SessionMetrics;
import io.lotabots.identity.bruteforce.LoginAttempt;
import io.lotabots.identity.bruteforce.LoginGuard;
import io.lotabots.platform.api.ClientAddresses;
import io.lotabots.platform.api.DelayedResponses;
import io.lotabots.platform.api.problem.RefusalMapper;
import io.lotabots.platform.refusal.Refusal;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Login, refresh and logout. */
@ApplicationScoped
@Path("auth")
@Tag(name = "Identity")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @EJB
    Logins logins;

    @EJB
    SessionMetrics sessionMetrics;

    @Inject
    LoginGuard guard;

    @Inject
    ClientAddresses addresses;

    @Inject
    DelayedResponses delayed;

    @Inject
    AuditContextCarrier auditContext;

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "login",
            summary = "Log in with a password",
            description = "Returns a short-lived access token and a one-time refresh token. After repeated failures"
                    + " for an account or from an address, answers come progressively later, then the account or"
                    + " address is locked for a while: the answer is then 401 even for the right password. Platform"
                    + " operators log in to the reserved tenant name `platform`; their token names no tenant.")
    @APIResponse(responseCode = "200", description = "Tokens")
    @APIResponse(
            responseCode = "400",
            description = "newPassword breaks the password policy, or equals the one-time password (errors[])")
    @APIResponse(responseCode = "401", description = "Invalid credentials (the same answer whatever was wrong)")
    @APIResponse(
            responseCode = "403",
            description = "password-change-required: the password was a one-time password; send newPassword too")
    public CompletionStage<Response> login(
            @Valid @NotNull LoginRequest request, @Context HttpServletRequest http, @Context UriInfo uri) {
        var attempt = new LoginAttempt(request.tenant(), request.username(), addresses.of(http));
        String instance = uri.getRequestUri().getRawPath();
        return delayed.after(
                guard.delayBefore(attempt), auditContext.carry(() -> tokens(request, attempt.address(), instance)));
    }

    /**
     * Answers a refusal as a response, not an exception: an exception that completes a delayed answer
     * on the scheduler's thread goes through RESTEasy's asynchronous error path, which sometimes logs
     * it as unhandled.
     */
    private Response tokens(LoginRequest request, String address, String instance) {
        try {
            char[] newPassword =
                    request.newPassword() == null ? null : request.newPassword().toCharArray();
            var grant = logins.login(
                    request.tenant(), request.username(), request.password().toCharArray(), newPassword, address);
            return noStore(TokenResponse.of(grant));
        } catch (Refusal refused) {
            return RefusalMapper.response(refused, instance);
        }
    }

    @POST
    @Path("refresh")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "refreshSession",
            summary = "Exchange a refresh token",
            description = "Each refresh token works once; presenting a spent one ends the session.")
    @APIResponse(responseCode = "200", description = "New tokens")
    @APIResponse(responseCode = "401", description = "Unknown, expired, spent or revoked refresh token")
    public Response refresh(@Valid @NotNull RefreshRequest request) {
        try {
            var response = noStore(TokenResponse.of(logins.refresh(request.refreshToken())));
            sessionMetrics.refreshed(true);
            return response;
        } catch (Refusal refused) {
            sessionMetrics.refreshed(false);
            throw refused;
        }
    }

    @POST
    @Path("logout")
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER", "AUDITOR", "OPERATOR", "DEVELOPER", "PLATFORM_OPERATOR"})
    @Operation(
            operationId = "logout",
            summary = "Log out",
            description = "Revokes the session: its access and refresh tokens stop working on every server.")
    @APIResponse(responseCode = "204", description = "Logged out")
    public Response logout(@Context SecurityContext security) {
        // the principal, not an injected JsonWebToken: injection logs an error on this resource's anonymous calls
        var token = (JsonWebToken) security.getUserPrincipal();
        logins.logout(UUID.fromString(token.getClaim("sid")));
        return Response.noContent().build();
    }

    private static Response noStore(Object entity) {
        var cache = new CacheControl();
        cache.setNoStore(true);
        return Response.ok(entity)
                .cacheControl(cache)
                .header("Pragma", "no-cache")
                .build();
    }
}
