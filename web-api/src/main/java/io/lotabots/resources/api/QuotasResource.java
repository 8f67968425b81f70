package io.lotabots.resources.api;

import io.lotabots.platform.api.Callers;
import io.lotabots.platform.api.VersionTag;
import io.lotabots.resources.boundary.QuotaView;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's tenant's resource quotas (stored model bytes, verification jobs at once, verification
 * CPU-seconds per UTC day) and what it uses of them: every role reads, administrators change them.
 */
@ApplicationScoped
@Path("resources/quotas")
@Tag(name = "Resources", description = "Per-tenant quotas and usage")
@Produces(MediaType.APPLICATION_JSON)
public class QuotasResource {

    static final String EXAMPLE =
            """
            {"tenantId": "0193c1de-7f7a-7c43-9a55-2f1d2b7c1e01",
             "limits": {"storedModelBytes": 107374182400, "concurrentJobs": 4, "cpuSecondsPerDay": 86400},
             "usage": {"storedModelBytes": 16060522560, "reservedModelBytes": 0, "concurrentJobs": 1,
                       "cpuSecondsToday": 412.337},
             "custom": true, "version": 2, "updatedAt": "2026-12-01T09:00:00Z",
             "updatedBy": "0193c1de-7f7a-7c43-9a55-2f1d2b7c1e02", "cpuDayEndsAt": "2026-12-02T00:00:00Z"}""";

    @EJB
    ResourceQuotas quotas;

    @Context
    SecurityContext security;

    @GET
    @RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "AUDITOR", "DEVELOPER"})
    @Operation(
            operationId = "getResourceQuotas",
            summary = "Read the tenant's quotas and usage",
            description = "custom is false (version 0) while the tenant has the configured defaults. The ETag is the"
                    + " version, for If-Match on PUT.")
    @APIResponse(
            responseCode = "200",
            description = "Limits and usage",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "quotas", value = EXAMPLE)))
    public Response get() {
        return withTag(quotas.view(Callers.of(security)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    @Operation(
            operationId = "setResourceQuotas",
            summary = "Change the tenant's quotas",
            description = "All three limits; If-Match (the version read) is checked when sent. Lowering a limit below"
                    + " what is in use keeps what runs or is stored and refuses new requests. Audited.")
    @APIResponse(responseCode = "200", description = "The new quotas and usage; ETag set")
    @APIResponse(responseCode = "400", description = "A limit missing or out of range (errors[])")
    @APIResponse(responseCode = "412", description = "If-Match names another version (the current ETag is sent)")
    public Response put(@NotNull QuotaRequest request, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(quotas.change(Callers.of(security), request.toChange(), VersionTag.expected(ifMatch)));
    }

    static Response withTag(QuotaView view) {
        return Response.ok(view)
                .header(HttpHeaders.ETAG, VersionTag.of(view.version()))
                .build();
    }
}
