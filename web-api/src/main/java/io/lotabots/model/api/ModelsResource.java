package io.lotabots.model.api;

import io.lotabots.model.boundary.ModelView;
import io.lotabots.model.boundary.Models;
import io.lotabots.platform.api.Callers;
import io.lotabots.platform.api.ContentLength;
import io.lotabots.platform.api.PageResponse;
import io.lotabots.platform.api.PathIds;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * AI models to attest: uploaded as one file or a zip of their directory, streamed into storage with every
 * file's SHA-256 computed on the way, listed, read and deleted. Uploading is for the roles that submit
 * attestations; every role of the tenant reads; administrators and operators delete.
 */
@ApplicationScoped
@Path("models")
@Tag(name = "Models", description = "AI models stored for attestation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "AUDITOR", "DEVELOPER"})
public class ModelsResource {

    static final String EXAMPLE_CURL = "curl -H \"Authorization: Bearer $TOKEN\" -F name=llama-3-8b"
            + " -F file=@model.safetensors https://lotabots.example/api/v1/models";
    private static final String EXAMPLE_MODEL =
            """
            {"id": "0193c1de-7f7a-7c43-9a55-2f1d2b7c1e01", "name": "llama-3-8b", "kind": "FILE",
             "format": "safetensors", "sha256": "707b208d620c341b7b625990de9ace32175f0631dc4be1c1b3e797a66067adf9",
             "size": 16060522560, "fileCount": 1,
             "files": [{"path": "model.safetensors", "size": 16060522560,
                        "sha256": "707b208d620c341b7b625990de9ace32175f0631dc4be1c1b3e797a66067adf9",
                        "format": "safetensors", "symlink": false}],
             "createdAt": "2026-12-01T09:00:00Z", "createdBy": "0193c1de-7f7a-7c43-9a55-2f1d2b7c1e02",
             "createdByName": "api-key:ci-bot"}""";

    @Inject
    Models models;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"OPERATOR", "ADMIN", "DEVELOPER"})
    @Operation(
            operationId = "uploadModel",
            summary = "Upload a model",
            description = "multipart/form-data with `name` and either `file` (a single-file model) or `archive` (a zip"
                    + " of the model's directory; each regular entry becomes a file of the model, symbolic links are"
                    + " flagged). Streamed into storage as it arrives; every file's SHA-256 is computed on the way."
                    + " Limits: lotabots.model.max-bytes (413), lotabots.model.max-files (422), the tenant's"
                    + " stored-model-bytes quota (409). A refused or broken-off upload keeps nothing. With curl: "
                    + EXAMPLE_CURL)
    @APIResponse(
            responseCode = "201",
            description = "Stored; Location set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "single file", value = EXAMPLE_MODEL)))
    @APIResponse(
            responseCode = "400",
            description = "No name, no file or archive, both, an unknown part, a bad file name, or a body that is"
                    + " not multipart/form-data (errors[])")
    @APIResponse(
            responseCode = "409",
            description = "quota-exceeded: the tenant's stored-model-bytes quota (quota, used, limit in the problem)")
    @APIResponse(responseCode = "413", description = "The model exceeds lotabots.model.max-bytes")
    @APIResponse(
            responseCode = "422",
            description = "An archive entry with an absolute path, '..', a backslash or a duplicate name, too many"
                    + " files, or an archive that cannot be read (the entry is named)")
    public Response upload(InputStream body, @Context HttpHeaders headers) {
        ModelView model;
        try {
            model = models.upload(
                    Callers.of(security),
                    new MultipartModelForm(
                            BodyTooLargeException.guard(body),
                            headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                            ContentLength.of(headers.getHeaderString(HttpHeaders.CONTENT_LENGTH))));
        } catch (BodyTooLargeException e) {
            throw e.problem();
        } catch (IOException e) {
            throw Refusal.builder(Refusal.Kind.INVALID_INPUT, "malformed-body", "Malformed request body")
                    .detail("The body is not complete multipart/form-data; nothing was stored.")
                    .problems(List.of(new FieldProblem("body", "ended early or is not multipart/form-data")))
                    .build();
        }
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(model.id().toString())
                        .build())
                .entity(model)
                .build();
    }

    @GET
    @Operation(
            operationId = "listModels",
            summary = "List models",
            description = "Newest first, without their files; follow next.")
    @APIResponse(responseCode = "200", description = "{items, next}")
    @APIResponse(responseCode = "400", description = "Invalid cursor or limit")
    public PageResponse<ModelView> list(
            @QueryParam("cursor") @Size(max = 1000) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return PageResponse.of(models.page(Callers.of(security), cursor, limit), limit, uriInfo);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getModel", summary = "Read a model", description = "With every file and its digest.")
    @APIResponse(responseCode = "200", description = "The model")
    @APIResponse(responseCode = "404", description = "No such model in your tenant")
    public ModelView get(@PathParam("id") String id) {
        return models.find(Callers.of(security), PathIds.parse(id, "model"));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({"OPERATOR", "ADMIN"})
    @Operation(
            operationId = "deleteModel",
            summary = "Delete a model",
            description = "Its stored files go too, and its bytes no longer count against the tenant's quota.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such model in your tenant")
    public Response delete(@PathParam("id") String id) {
        models.delete(Callers.of(security), PathIds.parse(id, "model"));
        return Response.noContent().build();
    }
}
