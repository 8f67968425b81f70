package io.lotabots.identity.api;

import io.lotabots.identity.boundary.ApiKeyView;
import io.lotabots.identity.boundary.ApiKeys;
import io.lotabots.platform.api.Callers;
import io.lotabots.platform.api.PageResponse;
import io.lotabots.platform.api.PathIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API keys for the tenant's bots: the secret is in the creation answer and nowhere else, ever. */
@ApplicationScoped
@Path("identity/api-keys")
@Tag(name = "Identity")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class ApiKeysResource {

    @EJB
    ApiKeys keys;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createApiKey",
            summary = "Create an API key",
            description = "Answers {key, secret}; store the lbk_ secret now, it is never shown again."
                    + " Exchange it at POST /api/v1/auth/token (client credentials).")
    @APIResponse(responseCode = "201", description = "Created; the only answer that holds the secret")
    @APIResponse(responseCode = "400", description = "Invalid body (expiresAt must be in the future)")
    public Response create(@Valid @NotNull NewApiKeyRequest request, @Context UriInfo uriInfo) {
        var issued = keys.issue(Callers.of(security), request.name(), request.roles(), request.expiresAt());
        var location = uriInfo.getAbsolutePathBuilder()
                .path(issued.key().id().toString())
                .build();
        var noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(location).cacheControl(noStore).entity(issued).build();
    }

    @GET
    @Operation(
            operationId = "listApiKeys",
            summary = "List API keys",
            description = "Oldest first, revoked ones included; never the secrets.")
    @APIResponse(responseCode = "200", description = "{items, next}")
    @APIResponse(responseCode = "400", description = "Invalid cursor or limit")
    public PageResponse<ApiKeyView> list(
            @QueryParam("cursor") @Size(max = 1000) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
            @Context UriInfo uriInfo) {
        return PageResponse.of(keys.page(Callers.of(security), cursor, limit), limit, uriInfo);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getApiKey", summary = "Read an API key", description = "Without its secret.")
    @APIResponse(responseCode = "200", description = "The key")
    @APIResponse(responseCode = "404", description = "No such key in your tenant")
    public ApiKeyView get(@PathParam("id") String id) {
        return keys.find(Callers.of(security), PathIds.parse(id, "API key"));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "revokeApiKey",
            summary = "Revoke an API key",
            description = "Its tokens stop working on every server at once; revoking twice is harmless.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such key in your tenant")
    public Response revoke(@PathParam("id") String id) {
        keys.revoke(Callers.of(security), PathIds.parse(id, "API key"));
        return Response.noContent().build();
    }
}
