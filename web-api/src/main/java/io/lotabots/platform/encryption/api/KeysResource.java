package io.lotabots.platform.encryption.api;

import io.lotabots.platform.api.Callers;
import io.lotabots.platform.encryption.KeyManagement;
import io.lotabots.platform.refusal.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tenant's key-encryption keys (encryption at rest): every version with its age and how many data keys
 * it still wraps, and rotation on demand. Administrators of the tenant only; key material never leaves.
 */
@ApplicationScoped
@Path("keys")
@Tag(name = "Keys", description = "Encryption at rest: your tenant's key-encryption keys, their ages and rotation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class KeysResource {

    private static final Set<String> STATES = Set.of("CURRENT", "RETIRED", "DESTROYED");
    private static final String LIST_EXAMPLE =
            """
            {"keys": [{"version": 2, "provider": "local", "state": "CURRENT", "createdAt": "2025-06-01T12:00:00Z",
              "ageSeconds": 3600, "dataKeys": 1200},
             {"version": 1, "provider": "local", "state": "RETIRED", "createdAt": "2025-03-01T12:00:00Z",
              "ageSeconds": 7948800, "dataKeys": 0}], "rotationDays": 90, "dataKeysToRewrap": 0}""";

    @EJB
    KeyManagement keys;

    @Context
    SecurityContext security;

    @GET
    @Operation(
            operationId = "listKeys",
            summary = "Your tenant's key-encryption keys",
            description = "Every version, newest first, with its age and how many data keys it wraps; data keys"
                    + " still under a retired version are the re-wrap work left.")
    @APIResponse(
            responseCode = "200",
            description = "The versions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = KeyList.class),
                            examples = @ExampleObject(name = "after a rotation", value = LIST_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "An unknown state")
    public KeyList list(
            @Parameter(description = "Only versions in this state: CURRENT, RETIRED or DESTROYED") @QueryParam("state")
                    String state) {
        if (state != null && !STATES.contains(state)) {
            throw Refusal.invalidField("state", "must be CURRENT, RETIRED or DESTROYED");
        }
        var tenant = Callers.of(security).tenantId();
        return KeyList.of(keys.status(tenant), state, keys.rotationDays());
    }

    @POST
    @Path("rotation")
    @Operation(
            operationId = "rotateKeys",
            summary = "Rotate your tenant's key-encryption key now",
            description = "Makes a new version current and re-wraps every data key under it (stored content is"
                    + " not rewritten). The old version is destroyed once no data key uses it. Audited.")
    @APIResponse(
            responseCode = "200",
            description = "Rotated",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RotationView.class),
                            examples =
                                    @ExampleObject(name = "rotated", value = "{\"version\": 3, \"rewrapped\": 1200}")))
    public RotationView rotate() {
        var caller = Callers.of(security);
        var rotation = keys.rotateNow(caller.tenantId(), caller.subject());
        return new RotationView(rotation.current().version(), rotation.rewrapped());
    }
}
