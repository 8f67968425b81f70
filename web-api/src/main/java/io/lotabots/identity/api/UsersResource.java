package io.lotabots.identity.api;

import io.lotabots.identity.boundary.UserAccess;
import io.lotabots.identity.boundary.UserDirectory;
import io.lotabots.identity.boundary.UserView;
import io.lotabots.platform.api.Callers;
import io.lotabots.platform.api.PageResponse;
import io.lotabots.platform.api.PathIds;
import io.lotabots.platform.api.VersionTag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The users of the administrator's own tenant and their roles. Writes answer with an ETag and honour If-Match. */
@ApplicationScoped
@Path("identity/users")
@Tag(name = "Identity")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class UsersResource {

    @EJB
    UserDirectory directory;

    @EJB
    UserAccess access;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createUser",
            summary = "Create a user",
            description = "The password must pass the password policy.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set")
    @APIResponse(responseCode = "400", description = "Invalid body, or a password the policy refuses (errors[])")
    @APIResponse(responseCode = "409", description = "The tenant already has a user of that name")
    public Response create(@Valid @NotNull NewUserRequest request, @Context UriInfo uriInfo) {
        var user = directory.create(
                Callers.of(security),
                request.username(),
                request.password() == null ? null : request.password().toCharArray(),
                request.roles());
        var location =
                uriInfo.getAbsolutePathBuilder().path(user.id().toString()).build();
        return Response.created(location)
                .header(HttpHeaders.ETAG, VersionTag.of(user.version()))
                .entity(user)
                .build();
    }

    @GET
    @Operation(
            operationId = "listUsers",
            summary = "List users",
            description = "Ordered by username; follow next for the following page.")
    @APIResponse(responseCode = "200", description = "{items, next}")
    @APIResponse(responseCode = "400", description = "Invalid cursor or limit")
    public PageResponse<UserView> list(
            @QueryParam("cursor") @Size(max = 1000) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
            @Context UriInfo uriInfo) {
        return PageResponse.of(directory.page(Callers.of(security), cursor, limit), limit, uriInfo);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getUser", summary = "Read a user")
    @APIResponse(responseCode = "200", description = "The user; ETag set")
    @APIResponse(responseCode = "404", description = "No such user in your tenant")
    public Response get(@PathParam("id") String id) {
        return withTag(directory.find(Callers.of(security), PathIds.parse(id, "user")));
    }

    @PUT
    @Path("{id}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaceUserRoles",
            summary = "Replace a user's roles",
            description = "Removing any role ends the user's sessions. The tenant's last enabled ADMIN keeps ADMIN.")
    @APIResponse(responseCode = "200", description = "The user; new ETag")
    @APIResponse(responseCode = "404", description = "No such user in your tenant")
    @APIResponse(responseCode = "409", description = "It would remove the tenant's last enabled administrator")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response assignRoles(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RolesRequest request) {
        return withTag(access.assignRoles(
                Callers.of(security), PathIds.parse(id, "user"), VersionTag.expected(ifMatch), request.roles()));
    }

    @POST
    @Path("{id}/disable")
    @Operation(
            operationId = "disableUser",
            summary = "Disable a user",
            description = "Refuses their logins and ends their sessions at once.")
    @APIResponse(responseCode = "200", description = "The user; new ETag")
    @APIResponse(responseCode = "404", description = "No such user in your tenant")
    @APIResponse(responseCode = "409", description = "It is the tenant's last enabled administrator")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response disable(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(access.disable(Callers.of(security), PathIds.parse(id, "user"), VersionTag.expected(ifMatch)));
    }

    @POST
    @Path("{id}/enable")
    @Operation(operationId = "enableUser", summary = "Enable a user", description = "They may log in again.")
    @APIResponse(responseCode = "200", description = "The user; new ETag")
    @APIResponse(responseCode = "404", description = "No such user in your tenant")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response enable(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(access.enable(Callers.of(security), PathIds.parse(id, "user"), VersionTag.expected(ifMatch)));
    }

    private static Response withTag(UserView user) {
        return Response.ok(user)
                .header(HttpHeaders.ETAG, VersionTag.of(user.version()))
                .build();
    }
}
