package io.lotabots.subjectrequest.api;

import io.lotabots.platform.api.Callers;
import io.lotabots.platform.api.PageResponse;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A subject's own requests: every user files an export or erasure of their data and downloads their export. */
@ApplicationScoped
@Path("privacy/me/requests")
@Tag(name = "Data-subject requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "AUDITOR", "DEVELOPER"})
public class MyRequestsResource {

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
    @Operation(
            operationId = "fileOwnSubjectRequest",
            summary = "Ask for a copy or the erasure of your data",
            description =
                    "type export or erasure; due 30 days after receipt; an erasure waits for an officer's approval.")
    @APIResponse(responseCode = "201", description = "The request; Location is its address")
    @APIResponse(responseCode = "400", description = "type or subject invalid (errors[])")
    public Response file(@NotNull SubjectRequestBody body) {
        SubjectRequestView view = requests.fileOwn(Callers.of(security), body.toRequest());
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("privacy/me/requests/{id}")
                        .build(view.id()))
                .entity(view)
                .build();
    }

    @GET
    @Operation(
            operationId = "listOwnSubjectRequests",
            summary = "Your requests",
            description = "Open first, by due date.")
    @APIResponse(responseCode = "200", description = "{items, next}")
    @APIResponse(responseCode = "400", description = "A cursor or limit invalid (errors[])")
    public PageResponse<SubjectRequestView> list(
            @QueryParam("cursor") @Size(max = 1000) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        var caller = Callers.of(security);
        return PageResponse.of(
                requests.page(caller.tenantId(), new RequestFilter(null, null, caller.subject()), cursor, limit),
                limit,
                uriInfo);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getOwnSubjectRequest", summary = "One of your requests")
    @APIResponse(responseCode = "200", description = "The request")
    @APIResponse(responseCode = "404", description = "No request of yours with that id")
    public SubjectRequestView get(@PathParam("id") String id) {
        return requests.findOwn(Callers.of(security), SubjectRequestsResource.id(id));
    }

    @GET
    @Path("{id}/export")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "downloadOwnExport",
            summary = "Download your export archive",
            description = "Until it expires. Audited.")
    @APIResponse(responseCode = "200", description = "The archive (zip with manifest.json)")
    @APIResponse(responseCode = "404", description = "No export of yours with that id, or not ready")
    @APIResponse(
            responseCode = "410",
            description =
                    "The archive is past its retention (lotabots.retention.exports) or was erased: export-expired")
    public Response export(@PathParam("id") String id) {
        return Downloads.zip(results.export(Callers.of(security), SubjectRequestsResource.id(id), true));
    }
}
