package io.lotabots.identity.api;

import io.lotabots.identity.boundary.PasswordChanges;
import io.lotabots.platform.api.Callers;
import io.lotabots.platform.api.PathIds;
import io.lotabots.platform.api.VersionTag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A user's password: administrators reset it for anyone in their tenant; every user may change
 * their own with the current one. Open to every role for that reason; the boundary decides.
 */
@ApplicationScoped
@Path("identity/users/{id}/password")
@Tag(name = "Identity")
public class PasswordResource {

    @EJB
    PasswordChanges passwords;

    @Context
    SecurityContext security;

    @PUT
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER", "AUDITOR", "OPERATOR", "DEVELOPER"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "changePassword",
            summary = "Set a new password",
            description = "ADMIN: any user of the tenant, no current password needed. Others: only their own id,"
                    + " with currentPassword. Ends every session of the user.")
    @APIResponse(responseCode = "204", description = "Changed; new ETag")
    @APIResponse(responseCode = "400", description = "Invalid body, or a password the policy refuses (errors[])")
    @APIResponse(responseCode = "403", description = "Your own password: currentPassword missing or wrong")
    @APIResponse(responseCode = "404", description = "No such user in your tenant (or not yours, if you are not ADMIN)")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response change(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PasswordChangeRequest request) {
        long version = passwords.change(
                Callers.of(security),
                PathIds.parse(id, "user"),
                VersionTag.expected(ifMatch),
                request.password() == null ? null : request.password().toCharArray(),
                request.currentPassword() == null
                        ? null
                        : request.currentPassword().toCharArray());
        return Response.noContent()
                .header(HttpHeaders.ETAG, VersionTag.of(version))
                .build();
    }
}
