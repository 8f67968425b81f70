package io.lotabots.retention.api;

import io.lotabots.platform.api.Callers;
import io.lotabots.platform.api.PathIds;
import io.lotabots.retention.boundary.LegalHoldView;
import io.lotabots.retention.boundary.LegalHolds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Legal holds: officers and administrators place and release them, auditors read. */
@ApplicationScoped
@Path("privacy/legal-holds")
@Tag(name = "Retention")
@Produces(MediaType.APPLICATION_JSON)
public class LegalHoldsResource {

    @EJB
    LegalHolds holds;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER"})
    @Operation(
            operationId = "placeLegalHold",
            summary = "Place a legal hold",
            description = "Stops the retention purge (and the purge of deleted documents) of everything the hold"
                    + " covers: the whole tenant, what one data subject submitted or owns, or one document, model or"
                    + " attestation. Audited with the caller.")
    @APIResponse(responseCode = "201", description = "The hold; Location is its address")
    @APIResponse(
            responseCode = "400",
            description = "scope, subject, objectType, objectId or reason invalid (errors[])")
    @APIResponse(responseCode = "404", description = "The object named is not the tenant's")
    public Response place(LegalHoldRequest request) {
        var body = request == null ? new LegalHoldRequest(null, null, null, null, null) : request;
        LegalHoldView hold = holds.place(Callers.of(security), body.toDraft());
        return Response.created(uriInfo.getAbsolutePathBuilder().path("{id}").build(hold.id()))
                .entity(hold)
                .build();
    }

    @GET
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER", "AUDITOR"})
    @Operation(
            operationId = "listLegalHolds",
            summary = "The tenant's legal holds",
            description = "Active holds first, then released ones; newest first within each; at most 500.")
    @APIResponse(responseCode = "200", description = "{items}")
    public Map<String, List<LegalHoldView>> list() {
        return Map.of("items", holds.list(Callers.of(security).tenantId()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER", "AUDITOR"})
    @Operation(operationId = "getLegalHold", summary = "One legal hold")
    @APIResponse(responseCode = "200", description = "The hold")
    @APIResponse(responseCode = "404", description = "No hold of that id in the tenant")
    public LegalHoldView get(@PathParam("id") String id) {
        return holds.find(Callers.of(security).tenantId(), PathIds.parse(id, "legal hold"));
    }

    @DELETE
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER"})
    @Operation(
            operationId = "releaseLegalHold",
            summary = "Release a legal hold",
            description = "The hold stays listed as released, with who released it, when and why; what it covered"
                    + " is purged by the next run once past its retention. Audited with the caller.")
    @APIResponse(responseCode = "200", description = "The released hold")
    @APIResponse(responseCode = "400", description = "reason missing or too long (errors[])")
    @APIResponse(responseCode = "404", description = "No hold of that id in the tenant")
    @APIResponse(responseCode = "409", description = "The hold was already released")
    public LegalHoldView release(@PathParam("id") String id, ReleaseRequest request) {
        return holds.release(
                Callers.of(security), PathIds.parse(id, "legal hold"), request == null ? null : request.reason());
    }
}
