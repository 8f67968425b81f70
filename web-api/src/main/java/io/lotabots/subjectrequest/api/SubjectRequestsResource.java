package io.lotabots.subjectrequest.api;

import io.lotabots.platform.api.Callers;
import io.lotabots.platform.api.PageResponse;
import io.lotabots.platform.api.PathIds;
import io.lotabots.subjectrequest.boundary.RequestFilter;
import io.lotabots.subjectrequest.boundary.SubjectRequestResults;
import io.lotabots.subjectrequest.boundary.SubjectRequestView;
import io.lotabots.subjectrequest.boundary.SubjectRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The officers' queue of data-subject requests on the GDPR clock: file, list (open first, by due date), read,
 * extend once, approve or reject an erasure, complete a rectification, retry a failed job, download an export,
 * read an erasure certificate. Auditors read.
 */
@ApplicationScoped
@Path("privacy/requests")
@Tag(name = "Data-subject requests", description = "Export, erasure and rectification on the GDPR clock")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectRequestsResource {

    @EJB
    SubjectRequests requests;

    @EJB
    SubjectRequestResults results;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER"})
    @Operation(
            operationId = "fileSubjectRequest",
            summary = "File a data-subject request",
            description = "Due 30 days after receipt. An export starts at once (an asynchronous job); an erasure"
                    + " waits for another officer's approval; a rectification waits for an officer's completion note.")
    @APIResponse(responseCode = "201", description = "The request; Location is its address")
    @APIResponse(responseCode = "400", description = "type, subject or description invalid (errors[])")
    public Response file(@NotNull SubjectRequestBody body) {
        return created(requests.file(Callers.of(security), body.toRequest()));
    }

    @GET
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER", "AUDITOR"})
    @Operation(
            operationId = "listSubjectRequests",
            summary = "The request queue",
            description = "Open requests first by due date (overdue ones lead), then closed ones; filter by state,"
                    + " type and subject; follow next.")
    @APIResponse(responseCode = "200", description = "{items, next}")
    @APIResponse(responseCode = "400", description = "A filter, cursor or limit invalid (errors[])")
    public PageResponse<SubjectRequestView> list(
            @QueryParam("state") @Size(max = 40) String state,
            @QueryParam("type") @Size(max = 40) String type,
            @QueryParam("subject") @Size(max = 200) String subject,
            @QueryParam("cursor") @Size(max = 1000) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        var tenant = Callers.of(security).tenantId();
        return PageResponse.of(
                requests.page(tenant, new RequestFilter(state, type, subject), cursor, limit), limit, uriInfo);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER", "AUDITOR"})
    @Operation(operationId = "getSubjectRequest", summary = "A data-subject request with its clock and progress")
    @APIResponse(responseCode = "200", description = "The request")
    @APIResponse(responseCode = "404", description = "No request of that id in the tenant")
    public SubjectRequestView get(@PathParam("id") String id) {
        return requests.find(Callers.of(security), id(id));
    }

    @POST
    @Path("{id}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER"})
    @Operation(
            operationId = "extendSubjectRequest",
            summary = "Extend the due date once",
            description = "GDPR Art. 12(3): by up to 60 days, with the reason the subject is told.")
    @APIResponse(responseCode = "200", description = "The request with its new due date")
    @APIResponse(responseCode = "400", description = "days or reason invalid (errors[])")
    @APIResponse(responseCode = "404", description = "No request of that id in the tenant")
    @APIResponse(responseCode = "409", description = "Extended already, or closed")
    public SubjectRequestView extend(@PathParam("id") String id, @NotNull ExtensionBody body) {
        return requests.extend(Callers.of(security), id(id), body.days(), body.reason());
    }

    @POST
    @Path("{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER"})
    @Operation(
            operationId = "decideErasure",
            summary = "Approve or reject an erasure",
            description = "By an officer other than the requester and the subject; an approval starts the erasure job.")
    @APIResponse(responseCode = "200", description = "The request (PENDING when approved, REJECTED otherwise)")
    @APIResponse(responseCode = "400", description = "approve or reason invalid (errors[])")
    @APIResponse(responseCode = "403", description = "The approver is the requester or the subject")
    @APIResponse(responseCode = "404", description = "No request of that id in the tenant")
    @APIResponse(responseCode = "409", description = "No erasure, or decided already")
    public SubjectRequestView decide(@PathParam("id") String id, @NotNull ApprovalBody body) {
        return requests.decide(Callers.of(security), id(id), body.approve(), body.reason());
    }

    @POST
    @Path("{id}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER"})
    @Operation(operationId = "completeRectification", summary = "Complete a rectification with what was corrected")
    @APIResponse(responseCode = "200", description = "The completed request")
    @APIResponse(responseCode = "400", description = "note invalid (errors[])")
    @APIResponse(responseCode = "404", description = "No request of that id in the tenant")
    @APIResponse(responseCode = "409", description = "No open rectification")
    public SubjectRequestView complete(@PathParam("id") String id, @NotNull CompletionBody body) {
        return requests.complete(Callers.of(security), id(id), body.note());
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER"})
    @Operation(
            operationId = "retrySubjectRequest",
            summary = "Retry a failed job",
            description = "It resumes after the steps it had finished.")
    @APIResponse(responseCode = "200", description = "The request, PENDING")
    @APIResponse(responseCode = "404", description = "No request of that id in the tenant")
    @APIResponse(responseCode = "409", description = "The job has not failed")
    public SubjectRequestView retry(@PathParam("id") String id) {
        return requests.retry(Callers.of(security), id(id));
    }

    @GET
    @Path("{id}/export")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER"})
    @Operation(
            operationId = "downloadSubjectExport",
            summary = "Download an export archive",
            description = "A zip: JSON per category, the subject's files, and manifest.json with each entry's"
                    + " SHA-256; until it expires. Audited.")
    @APIResponse(responseCode = "200", description = "The archive")
    @APIResponse(responseCode = "404", description = "No export of that id, or not ready")
    @APIResponse(
            responseCode = "410",
            description =
                    "The archive is past its retention (lotabots.retention.exports) or was erased: export-expired")
    public Response export(@PathParam("id") String id) {
        return Downloads.zip(results.export(Callers.of(security), id(id), false));
    }

    @GET
    @Path("{id}/certificate")
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER", "AUDITOR"})
    @Operation(
            operationId = "getErasureCertificate",
            summary = "An erasure certificate",
            description = "What was erased (per category), what was kept and why, when, requested and approved by"
                    + " whom; its SHA-256 is in the completion's audit event.")
    @APIResponse(responseCode = "200", description = "The certificate (JSON)")
    @APIResponse(responseCode = "404", description = "No completed erasure of that id")
    public Response certificate(@PathParam("id") String id) {
        return Response.ok(results.certificate(Callers.of(security), id(id)), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    private Response created(SubjectRequestView view) {
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("privacy/requests/{id}")
                        .build(view.id()))
                .entity(view)
                .build();
    }

    static UUID id(String id) {
        return PathIds.parse(id, "data-subject request");
    }
}
