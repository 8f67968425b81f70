package io.lotabots.identity.api;

import io.lotabots.identity.boundary.TenantDirectory;
import io.lotabots.identity.boundary.TenantView;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tenants, for the platform operator: create one with its first administrator, list, read,
 * suspend and resume. Nothing here reads a tenant's users, attestations or audit events.
 */
@ApplicationScoped
@Path("platform/tenants")
@Tag(name = "Platform")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("PLATFORM_OPERATOR")
public class TenantsResource {

    private static final String CREATED_EXAMPLE =
            """
            {"tenant": {"id": "0193c1de-7f7a-7c43-9a55-2f1d2b7c1e01", "name": "acme-robotics", "status": "ACTIVE",
                        "createdAt": "2026-12-01T09:00:00Z", "suspendedAt": null},
             "admin": {"id": "0193c1de-7f7a-7c43-9a55-2f1d2b7c1e02", "username": "admin",
                       "oneTimePassword": "q3N0ZcG2b8yJ1Xr5TgkW4mV7aPs"}}""";

    @EJB
    TenantDirectory tenants;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createTenant",
            summary = "Create a tenant",
            description = "Creates the tenant and its first administrator (ADMIN) with a one-time password, shown"
                    + " only in this answer. The administrator logs in with it and a newPassword of their own.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location set; Cache-Control: no-store",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "created", value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid or reserved name, invalid username (errors[])")
    @APIResponse(responseCode = "409", description = "tenant-name-taken")
    public Response create(@Valid @NotNull NewTenantRequest request, @Context UriInfo uriInfo) {
        var created = tenants.create(request.name(), request.adminUsernameOrDefault());
        var noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(created.tenant().id().toString())
                        .build())
                .cacheControl(noStore)
                .entity(CreatedTenantResponse.of(created))
                .build();
    }

    @GET
    @Operation(operationId = "listTenants", summary = "List tenants", description = "Ordered by name, keyset-paged.")
    @APIResponse(responseCode = "200", description = "{items, next}")
    @APIResponse(responseCode = "400", description = "Invalid cursor or limit")
    public PageResponse<TenantView> list(
            @QueryParam("cursor") @Size(max = 1000) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
            @Context UriInfo uriInfo) {
        return PageResponse.of(tenants.page(cursor, limit), limit, uriInfo);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTenant", summary = "Read a tenant")
    @APIResponse(responseCode = "200", description = "The tenant")
    @APIResponse(responseCode = "404", description = "No such tenant")
    public TenantView get(@PathParam("id") String id) {
        return tenants.get(PathIds.parse(id, "tenant"));
    }

    @POST
    @Path("{id}/suspend")
    @Operation(
            operationId = "suspendTenant",
            summary = "Suspend a tenant",
            description = "Refuses its logins, refreshes and API-key exchanges, and revokes every live session: its"
                    + " access tokens stop working on every server within a second. Audited.")
    @APIResponse(responseCode = "200", description = "The tenant, SUSPENDED")
    @APIResponse(responseCode = "404", description = "No such tenant")
    @APIResponse(responseCode = "409", description = "tenant-suspended: suspended already")
    public TenantView suspend(@PathParam("id") String id) {
        return tenants.suspend(PathIds.parse(id, "tenant"));
    }

    @POST
    @Path("{id}/resume")
    @Operation(
            operationId = "resumeTenant",
            summary = "Resume a tenant",
            description = "Its users and API keys may sign in again; sessions the suspension ended stay ended.")
    @APIResponse(responseCode = "200", description = "The tenant, ACTIVE")
    @APIResponse(responseCode = "404", description = "No such tenant")
    @APIResponse(responseCode = "409", description = "tenant-active: not suspended")
    public TenantView resume(@PathParam("id") String id) {
        return tenants.resume(PathIds.parse(id, "tenant"));
    }
}
