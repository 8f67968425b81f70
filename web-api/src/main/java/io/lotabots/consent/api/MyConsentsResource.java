package io.lotabots.consent.api;

import io.lotabots.consent.boundary.ConsentRecordView;
import io.lotabots.consent.boundary.ConsentStateView;
import io.lotabots.consent.boundary.Consents;
import io.lotabots.platform.api.Callers;
import io.lotabots.platform.api.PageResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A data subject's own consents: every user of a tenant answers for themself, whatever their roles. */
@ApplicationScoped
@Path("privacy/me")
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Consent")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "AUDITOR", "DEVELOPER"})
public class MyConsentsResource {

    @EJB
    Consents consents;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("consents")
    @Operation(
            operationId = "listOwnConsents",
            summary = "Your consents",
            description = "Every purpose of the tenant with your answer: granted, withdrawn or none; renewalDue when"
                    + " you granted it under an older policy version.")
    @APIResponse(responseCode = "200", description = "{items}")
    public Map<String, List<ConsentStateView>> mine() {
        return Map.of("items", consents.mine(Callers.of(security)));
    }

    @PUT
    @Path("consents/{purpose}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "setOwnConsent",
            summary = "Grant or withdraw a purpose for yourself",
            description = "Recorded with a consent receipt; audited. Withdrawal stops the processing that needs the"
                    + " purpose from then on.")
    @APIResponse(responseCode = "200", description = "The record; Location is its receipt")
    @APIResponse(responseCode = "400", description = "granted or policyVersion invalid (errors[])")
    @APIResponse(responseCode = "404", description = "No purpose of that code in the tenant")
    public Response set(@PathParam("purpose") String purpose, @NotNull OwnConsentRequest request) {
        ConsentRecordView record =
                consents.setOwn(Callers.of(security), purpose, request.granted(), request.policyVersion());
        return Response.ok(record)
                .location(uriInfo.getBaseUriBuilder()
                        .path("privacy/me/consent-records/{id}/receipt")
                        .build(record.id()))
                .build();
    }

    @GET
    @Path("consent-records")
    @Operation(operationId = "listOwnConsentRecords", summary = "Your consent history", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "{items, next}")
    @APIResponse(responseCode = "400", description = "A filter, cursor or limit invalid (errors[])")
    public PageResponse<ConsentRecordView> records(
            @BeanParam ConsentSearch search,
            @QueryParam("cursor") @Size(max = 1000) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        var caller = Callers.of(security);
        return PageResponse.of(
                consents.records(caller.tenantId(), search.toFilterOf(caller.subject()), cursor, limit),
                limit,
                uriInfo);
    }

    @GET
    @Path("consent-records/{id}/receipt")
    @Operation(operationId = "getOwnConsentReceipt", summary = "One of your consent receipts")
    @APIResponse(responseCode = "200", description = "The receipt (Kantara Consent Receipt v1.1 JSON)")
    @APIResponse(responseCode = "404", description = "No record of yours with that id")
    public Response receipt(@PathParam("id") String id) {
        var caller = Callers.of(security);
        return Receipts.answer(consents.receipt(caller.tenantId(), Receipts.recordId(id), caller.subject()));
    }
}
