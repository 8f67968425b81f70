package io.lotabots.identity.api;

import io.lotabots.identity.boundary.Lockouts;
import io.lotabots.platform.api.Callers;
import io.lotabots.platform.api.IpRange;
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
import java.net.InetAddress;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Locked source addresses, for the platform operator: an address lockout refuses logins to every
 * tenant, so no tenant's administrator sees or lifts it.
 */
@ApplicationScoped
@Path("platform/lockouts/addresses")
@Tag(name = "Platform")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("PLATFORM_OPERATOR")
public class AddressLockoutResource {

    private static final String EXAMPLE =
            """
            {"addresses": [{"address": "203.0.113.7", "lockedUntil": "2025-06-01T12:30:00Z"}]}""";

    @EJB
    Lockouts lockouts;

    @Context
    SecurityContext security;

    @GET
    @Operation(
            operationId = "listAddressLockouts",
            summary = "Locked source addresses",
            description = "Each with the time its lockout ends.")
    @APIResponse(
            responseCode = "200",
            description = "Running address lockouts, soonest end first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AddressLockoutList.class),
                            examples = @ExampleObject(name = "one", value = EXAMPLE)))
    public AddressLockoutList list() {
        return AddressLockoutList.of(lockouts.addresses());
    }

    @DELETE
    @Path("{address}")
    @Operation(
            operationId = "liftAddressLockout",
            summary = "Lift an address lockout",
            description = "Lets the address try logins again at once and forgets its failures. Audited on the"
                    + " platform's trail.")
    @APIResponse(responseCode = "204", description = "Lifted")
    @APIResponse(responseCode = "400", description = "Not an IPv4 or IPv6 address")
    @APIResponse(responseCode = "404", description = "No running lockout of that address")
    public Response unlock(@PathParam("address") String address) {
        // written as the lockout keys it, whichever way the operator wrote it (2001:db8::1 or 2001:db8:0:0:0:0:0:1)
        String canonical = IpRange.literal(address)
                .map(InetAddress::getHostAddress)
                .orElseThrow(() -> Refusal.invalidField("address", "must be an IPv4 or IPv6 address"));
        var operator = Callers.token(security);
        if (!lockouts.unlockAddress(canonical, operator.getSubject(), operator.getClaim("upn"))) {
            throw Refusal.notFound("There is no running lockout of this address.");
        }
        return Response.noContent().build();
    }
}
