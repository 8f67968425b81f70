package io.lotabots.attestation.model.api;

import io.lotabots.attestation.model.boundary.ModelPolicies;
import io.lotabots.attestation.model.boundary.ModelPolicyView;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Model attestation policies, versioned as hardware policies are: every write a new immutable version
 * (the ETag is its number; If-Match guards against lost updates); verdicts name the version they
 * applied. Every tenant has a {@code default} policy (no signature required, nothing suspicious passes,
 * every format, no size limit) made on first use.
 */
@ApplicationScoped
@Path("attestations/models/policies")
@Tag(name = "Model attestation", description = "AI models scanned for unsafe content, signatures verified, EAR results")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"OPERATOR", "ADMIN"})
public class ModelPoliciesResource {

    @EJB
    ModelPolicies policies;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createModelPolicy",
            summary = "Create a model policy",
            description = "Version 1 of a new name (lower-case letters, digits, . _ -).")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set")
    @APIResponse(responseCode = "400", description = "Invalid name, key, certificate, format or size (errors[])")
    @APIResponse(responseCode = "409", description = "The tenant already has a model policy of that name")
    public Response create(@Valid @NotNull ModelPolicyRequest request) {
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
            operationId = "listModelPolicies",
            summary = "List model policies",
            description = "The latest version of each, by name; follow next.")
    @APIResponse(responseCode = "200", description = "{items, next}")
    @APIResponse(responseCode = "400", description = "Invalid cursor or limit")
    public PageResponse<ModelPolicyView> list(
            @QueryParam("cursor") @Size(max = 1000) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return PageResponse.of(policies.page(Callers.of(security), cursor, limit), limit, uriInfo);
    }

    @GET
    @Path("{name}")
    @RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "AUDITOR"})
    @Operation(
            operationId = "getModelPolicy",
            summary = "Read a model policy",
            description = "Its latest version, with the numbers of all versions.")
    @APIResponse(responseCode = "200", description = "The latest version; ETag set")
    @APIResponse(responseCode = "404", description = "No such policy in your tenant")
    public Response latest(@PathParam("name") String name) {
        return withTag(policies.latest(Callers.of(security), name));
    }

    @GET
    @Path("{name}/versions/{version}")
    @RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "AUDITOR"})
    @Operation(
            operationId = "getModelPolicyVersion",
            summary = "Read one version of a model policy",
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
            operationId = "updateModelPolicy",
            summary = "Write a new version of a model policy",
            description = "Send the whole content; If-Match with the ETag you read makes sure nobody wrote in between.")
    @APIResponse(responseCode = "200", description = "The new version; new ETag")
    @APIResponse(responseCode = "400", description = "Invalid content (errors[])")
    @APIResponse(responseCode = "404", description = "No such policy in your tenant")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response update(
            @PathParam("name") String name,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ModelPolicyRequest request) {
        return withTag(policies.update(Callers.of(security), name, VersionTag.expected(ifMatch), request.toContent()));
    }

    @DELETE
    @Path("{name}")
    @Operation(
            operationId = "deleteModelPolicy",
            summary = "Delete a model policy",
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

    private static Response withTag(ModelPolicyView policy) {
        return Response.ok(policy)
                .header(HttpHeaders.ETAG, VersionTag.of(policy.version()))
                .build();
    }
}
