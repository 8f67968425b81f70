package io.lotabots.identity.api;

import io.lotabots.identity.boundary.Lockouts;
import io.lotabots.platform.api.Callers;
import io.lotabots.platform.refusal.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Lockouts of the tenant's accounts after failed logins, for its administrators: see them, and lift one
 * before it ends. Locked source addresses span tenants: they are the platform operator's
 * ({@link AddressLockoutResource}).
 */
@ApplicationScoped
@Path("identity/lockouts")
@Tag(name = "Identity")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class LockoutResource {

    private static final String EXAMPLE =
            """
            {"accounts": [{"tenant": "default", "username": "alice", "lockedUntil": "2025-06-01T12:15:00Z"}]}""";

    @EJB
    Lockouts lockouts;

    @Context
    SecurityContext security;

    @GET
    @Operation(
            operationId = "listLockouts",
            summary = "Running lockouts",
            description = "Accounts of your tenant locked after failed logins, each with the time the lockout ends."
                    + " Locked source addresses are the platform operator's to see.")
    @APIResponse(
            responseCode = "200",
            description = "Running lockouts, soonest end first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LockoutList.class),
                            examples = @ExampleObject(name = "one of each", value = EXAMPLE)))
    public LockoutList list() {
        return LockoutList.of(lockouts.accountsOf(tenantId()));
    }

    @DELETE
    @Path("{tenant}/{username}")
    @Operation(
            operationId = "liftAccountLockout",
            summary = "Lift an account's lockout",
            description = "Unlocks an account of your own tenant at once and forgets its failed logins.")
    @APIResponse(responseCode = "204", description = "Unlocked")
    @APIResponse(responseCode = "404", description = "No running lockout of that account in your tenant")
    public Response unlock(@PathParam("tenant") String tenant, @PathParam("username") String username) {
        if (!lockouts.unlock(Callers.of(security), tenant, username)) {
            throw Refusal.notFound("There is no running lockout of this account in your tenant.");
        }
        return Response.noContent().build();
    }

    private UUID tenantId() {
        return UUID.fromString(Callers.token(security).getClaim("tenant"));
    }
}
