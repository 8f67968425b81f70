package io.lotabots.consent.api;

import io.lotabots.consent.boundary.ConsentRecordView;
import io.lotabots.consent.boundary.ConsentStateView;
import io.lotabots.consent.boundary.Consents;
import io.lotabots.consent.entity.ConsentSource;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Officers' side of consent: record a grant or withdrawal collected elsewhere, search the current states and
 * the full history, read any receipt. Auditors read.
 */
@ApplicationScoped
@Path("privacy")
@Tag(name = "Consent")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentsResource {

    @EJB
    Consents consents;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER"})
    @Operation(
            operationId = "recordConsent",
            summary = "Record a subject's grant or withdrawal",
            description =
                    "Collected elsewhere (a signed form, the customer's own site). A record with a consent"
                            + " receipt (Kantara v1.1) is kept; the subject's state changes. Audited with the receipt's SHA-256.")
    @APIResponse(responseCode = "201", description = "The record; Location is its receipt")
    @APIResponse(responseCode = "400", description = "subject, purpose, granted or policyVersion invalid (errors[])")
    public Response record(@NotNull ConsentRequest request) {
        ConsentRecordView record = consents.record(Callers.of(security), request.toChange(), ConsentSource.RECORDED);
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("privacy/consent-records/{id}/receipt")
                        .build(record.id()))
                .entity(record)
                .build();
    }

    @GET
    @Path("consents")
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER", "AUDITOR"})
    @Operation(
            operationId = "searchConsents",
            summary = "Search current consent states",
            description = "By subject, purpose, state (granted, withdrawn) and time of the last change; most"
                    + " recently changed first; follow next.")
    @APIResponse(responseCode = "200", description = "{items, next}")
    @APIResponse(responseCode = "400", description = "A filter, cursor or limit invalid (errors[])")
    public PageResponse<ConsentStateView> states(
            @BeanParam ConsentSearch search,
            @QueryParam("cursor") @Size(max = 1000) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        var tenant = Callers.of(security).tenantId();
        return PageResponse.of(consents.states(tenant, search.toFilter(), cursor, limit), limit, uriInfo);
    }

    @GET
    @Path("consent-records")
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER", "AUDITOR"})
    @Operation(
            operationId = "listConsentRecords",
            summary = "Consent history",
            description = "Every grant and withdrawal by subject, purpose, state and time; newest first; follow next.")
    @APIResponse(responseCode = "200", description = "{items, next}")
    @APIResponse(responseCode = "400", description = "A filter, cursor or limit invalid (errors[])")
    public PageResponse<ConsentRecordView> records(
            @BeanParam ConsentSearch search,
            @QueryParam("cursor") @Size(max = 1000) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        var tenant = Callers.of(security).tenantId();
        return PageResponse.of(consents.records(tenant, search.toFilter(), cursor, limit), limit, uriInfo);
    }

    @GET
    @Path("consent-records/{id}/receipt")
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER", "AUDITOR"})
    @Operation(
            operationId = "getConsentReceipt",
            summary = "A consent receipt",
            description = "Exactly as given to the subject; its SHA-256 is in the record's audit event.")
    @APIResponse(responseCode = "200", description = "The receipt (Kantara Consent Receipt v1.1 JSON)")
    @APIResponse(responseCode = "404", description = "No record of that id in the tenant")
    public Response receipt(@PathParam("id") String id) {
        var tenant = Callers.of(security).tenantId();
        return Receipts.answer(consents.receipt(tenant, Receipts.recordId(id), null));
    }
}
