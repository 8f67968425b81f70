package io.lotabots.consent.api;

import io.lotabots.consent.boundary.ConsentPurposes;
import io.lotabots.consent.boundary.PolicyView;
import io.lotabots.consent.boundary.PurposeView;
import io.lotabots.platform.api.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

/**
 * The tenant's catalogue of processing purposes: every role reads it (subjects must see what they are asked),
 * administrators and compliance officers add purposes and publish new policy texts. Audited.
 */
@ApplicationScoped
@Path("privacy/purposes")
@Tag(name = "Consent", description = "Purposes, consents and receipts")
@Produces(MediaType.APPLICATION_JSON)
public class PurposesResource {

    @EJB
    ConsentPurposes purposes;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @GET
    @RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "AUDITOR", "DEVELOPER"})
    @Operation(
            operationId = "listPurposes",
            summary = "List the tenant's processing purposes",
            description = "By code.")
    @APIResponse(responseCode = "200", description = "{items}")
    public Map<String, List<PurposeView>> list() {
        return Map.of("items", purposes.list(Callers.of(security).tenantId()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER"})
    @Operation(
            operationId = "createPurpose",
            summary = "Add a processing purpose",
            description = "With its legal basis and first policy text (version 1). requiredFor makes the listed"
                    + " processing refuse callers who have not granted the purpose. Audited.")
    @APIResponse(responseCode = "201", description = "The purpose; Location names it")
    @APIResponse(responseCode = "400", description = "A field missing or invalid (errors[])")
    @APIResponse(responseCode = "409", description = "purpose-exists: the code is taken")
    public Response create(@NotNull PurposeRequest request) {
        var created = purposes.create(Callers.of(security), request.toDraft());
        return Response.created(
                        uriInfo.getAbsolutePathBuilder().path(created.code()).build())
                .entity(created)
                .build();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "AUDITOR", "DEVELOPER"})
    @Operation(operationId = "getPurpose", summary = "Read a purpose")
    @APIResponse(responseCode = "200", description = "The purpose")
    @APIResponse(responseCode = "404", description = "No purpose of that code in the tenant")
    public PurposeView get(@PathParam("code") String code) {
        return purposes.get(Callers.of(security).tenantId(), code);
    }

    @GET
    @Path("{code}/policies")
    @RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "AUDITOR", "DEVELOPER"})
    @Operation(operationId = "listPurposePolicies", summary = "A purpose's policy texts", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "{items}")
    @APIResponse(responseCode = "404", description = "No purpose of that code in the tenant")
    public Map<String, List<PolicyView>> policies(@PathParam("code") String code) {
        return Map.of("items", purposes.policies(Callers.of(security).tenantId(), code));
    }

    @POST
    @Path("{code}/policies")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER"})
    @Operation(
            operationId = "publishPurposePolicy",
            summary = "Publish a new policy text",
            description = "It becomes the current version; grants under older versions stay valid and show"
                    + " renewalDue. Audited.")
    @APIResponse(responseCode = "201", description = "The new version")
    @APIResponse(responseCode = "400", description = "policyText or policyUrl invalid (errors[])")
    @APIResponse(responseCode = "404", description = "No purpose of that code in the tenant")
    public Response publish(@PathParam("code") String code, @NotNull PolicyRequest request) {
        var policy = purposes.publish(Callers.of(security), code, request.policyText(), request.policyUrl());
        return Response.created(uriInfo.getAbsolutePathBuilder().build())
                .entity(policy)
                .build();
    }
}
