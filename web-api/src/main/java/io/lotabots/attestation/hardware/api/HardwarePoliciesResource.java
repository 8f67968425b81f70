package io.lotabots.attestation.hardware.api;

import io.lotabots.attestation.hardware.boundary.HardwarePolicies;
import io.lotabots.attestation.hardware.boundary.PolicyView;
import io.lotabots.platform.api.Callers;
import io.lotabots.platform.api.PageResponse;
import io.lotabots.platform.api.VersionTag;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Hardware attestation policies: every write makes a new immutable version (the ETag is the version
 * number; If-Match guards against lost updates); verdicts name the version they applied. Every tenant
 * has a {@code default} policy (sha256 PCRs 0-7, nothing else required) made on first use.
 */
@ApplicationScoped
@Path("attestations/hardware/policies")
@Tag(name = "Hardware attestation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"OPERATOR", "ADMIN"})
public class HardwarePoliciesResource {

    private static final String READERS_EXAMPLE = "{\"name\": \"default\", \"version\": 1, \"pcrSelection\":"
            + " \"sha256:0,1,2,3,4,5,6,7\", \"referenceValues\": {}, \"eventLogRequired\": false, \"trustedAkCas\": [],"
            + " \"trustedEkCas\": [], \"enrolledDeviceRequired\": false, \"createdBy\": \"system\", \"createdAt\":"
            + " \"2026-11-26T11:00:00Z\", \"versions\": [1]}";

    @EJB
    HardwarePolicies policies;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createHardwarePolicy",
            summary = "Create a policy",
            description = "Version 1 of a new name (lower-case letters, digits, . _ -).")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set")
    @APIResponse(responseCode = "400", description = "Invalid name, selection, digest or certificate (errors[])")
    @APIResponse(responseCode = "409", description = "The tenant already has a policy of that name")
    public Response create(@Valid @NotNull PolicyRequest request) {
        var policy = policies.create(Callers.of(security), request.name(), request.toContent());
        var location = uriInfo.getAbsolutePathBuilder().path(policy.name()).build();
        return Response.created(location)
                .header(HttpHeaders.ETAG, VersionTag.of(policy.version()))
                .entity(policy)
                .build();
    }

    @GET
    @RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "AUDITOR"})
    @Operation(
            operationId = "listHardwarePolicies",
            summary = "List policies",
            description = "The latest version of each, by name; follow next.")
    @APIResponse(responseCode = "200", description = "{items, next}")
    @APIResponse(responseCode = "400", description = "Invalid cursor or limit")
    public PageResponse<PolicyView> list(
            @QueryParam("cursor") @Size(max = 1000) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return PageResponse.of(policies.page(Callers.of(security), cursor, limit), limit, uriInfo);
    }

    @GET
    @Path("{name}")
    @RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "AUDITOR"})
    @Operation(
            operationId = "getHardwarePolicy",
            summary = "Read a policy",
            description = "Its latest version, with the numbers of all versions.")
    @APIResponse(
            responseCode = "200",
            description = "The latest version; ETag set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "default", value = READERS_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such policy in your tenant")
    public Response latest(@PathParam("name") String name) {
        return withTag(policies.latest(Callers.of(security), name));
    }

    @GET
    @Path("{name}/versions/{version}")
    @RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "AUDITOR"})
    @Operation(
            operationId = "getHardwarePolicyVersion",
            summary = "Read one version of a policy",
            description = "Versions never change.")
    @APIResponse(responseCode = "200", description = "That version; ETag set")
    @APIResponse(responseCode = "404", description = "No such policy or version in your tenant")
    public Response version(@PathParam("name") String name, @PathParam("version") String version) {
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            number = -1;
        }
        return withTag(policies.find(Callers.of(security), name, number));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "updateHardwarePolicy",
            summary = "Write a new version of a policy",
            description = "Send the whole content; If-Match with the ETag you read makes sure nobody wrote in between.")
    @APIResponse(responseCode = "200", description = "The new version; new ETag")
    @APIResponse(responseCode = "400", description = "Invalid content (errors[])")
    @APIResponse(responseCode = "404", description = "No such policy in your tenant")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response update(
            @PathParam("name") String name,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PolicyRequest request) {
        return withTag(policies.update(Callers.of(security), name, VersionTag.expected(ifMatch), request.toContent()));
    }

    @DELETE
    @Path("{name}")
    @Operation(
            operationId = "deleteHardwarePolicy",
            summary = "Delete a policy",
            description =
                    "It can no longer be chosen; its versions stay, since verdicts name them. The default policy stays.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such policy in your tenant")
    @APIResponse(responseCode = "409", description = "The default policy cannot be deleted")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response delete(@PathParam("name") String name, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        policies.delete(Callers.of(security), name, VersionTag.expected(ifMatch));
        return Response.noContent().build();
    }

    private static Response withTag(PolicyView policy) {
        return Response.ok(policy)
                .header(HttpHeaders.ETAG, VersionTag.of(policy.version()))
                .build();
    }
}
