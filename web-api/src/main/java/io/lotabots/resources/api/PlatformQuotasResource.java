package io.lotabots.resources.api;

import io.lotabots.platform.api.PathIds;
import io.lotabots.platform.api.VersionTag;
import io.lotabots.resources.boundary.ResourceQuotas;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Any tenant's quotas, for the platform operator: read them with the tenant's usage, and set them. */
@ApplicationScoped
@Path("platform/tenants/{id}/quotas")
@Tag(name = "Platform")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("PLATFORM_OPERATOR")
public class PlatformQuotasResource {

    @EJB
    ResourceQuotas quotas;

    @GET
    @Operation(operationId = "getTenantQuotas", summary = "Read a tenant's quotas and usage")
    @APIResponse(responseCode = "200", description = "Limits and usage; ETag set")
    @APIResponse(responseCode = "404", description = "No such tenant")
    public Response get(@PathParam("id") String id) {
        return QuotasResource.withTag(quotas.viewOfTenant(PathIds.parse(id, "tenant")));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "setTenantQuotas",
            summary = "Change a tenant's quotas",
            description = "As PUT /api/v1/resources/quotas, for any tenant. Audited on the tenant's chain and the"
                    + " platform chain.")
    @APIResponse(responseCode = "200", description = "The new quotas and usage; ETag set")
    @APIResponse(responseCode = "400", description = "A limit missing or out of range (errors[])")
    @APIResponse(responseCode = "404", description = "No such tenant")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response put(
            @PathParam("id") String id,
            @NotNull QuotaRequest request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return QuotasResource.withTag(
                quotas.changeOfTenant(PathIds.parse(id, "tenant"), request.toChange(), VersionTag.expected(ifMatch)));
    }
}
