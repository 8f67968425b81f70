package io.lotabots.document.api;

import io.lotabots.document.boundary.DocumentQuery;
import io.lotabots.document.boundary.DocumentSort;
import io.lotabots.document.boundary.DocumentVersionView;
import io.lotabots.document.boundary.DocumentView;
import io.lotabots.document.boundary.Documents;
import io.lotabots.platform.api.Callers;
import io.lotabots.platform.api.PageResponse;
import io.lotabots.platform.api.PathIds;
import io.lotabots.platform.api.VersionTag;
import io.lotabots.platform.api.input.StreamingMultipart;
import io.lotabots.platform.json.Json;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Documents customers keep with us: uploaded with metadata, versioned, read in ranges, described, deleted.
 * Every role of the tenant reads; the roles that produce documents (everyone but auditors) write;
 * administrators and operators delete. Writes answer with an ETag; changes need If-Match.
 */
@ApplicationScoped
@Path("documents")
@Tag(name = "Documents", description = "Versioned documents with metadata")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "AUDITOR", "DEVELOPER"})
public class DocumentsResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String EXAMPLE_CURL = "curl -H \"Authorization: Bearer $TOKEN\""
            + " -F 'metadata={\"title\":\"SOC 2 report\",\"tags\":[\"audit\"],\"attributes\":{\"year\":2026}};type=application/json'"
            + " -F file=@report.pdf;type=application/pdf https://lotabots.example/api/v1/documents";
    private static final String EXAMPLE_DOCUMENT =
            """
            {"id": "0193c1de-7f7a-7c43-9a55-2f1d2b7c1e01", "title": "SOC 2 report", "tags": ["audit"],
             "attributes": {"year": 2026}, "currentVersion": 1, "contentType": "application/pdf",
             "fileName": "report.pdf", "size": 482113,
             "sha256": "707b208d620c341b7b625990de9ace32175f0631dc4be1c1b3e797a66067adf9",
             "createdAt": "2026-12-01T09:00:00Z", "createdBy": "0193c1de-7f7a-7c43-9a55-2f1d2b7c1e02",
             "createdByName": "alice", "updatedAt": "2026-12-01T09:00:00Z", "version": 1}""";

    @Inject
    Documents documents;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "DEVELOPER"})
    @Operation(
            operationId = "uploadDocument",
            summary = "Upload a document",
            description = "multipart/form-data with `metadata` (JSON: title, tags, attributes) and `file` (the content,"
                    + " with its Content-Type). Streamed into storage as it arrives. Executables, and content whose"
                    + " bytes are not the declared type for the types lotabots.document.verified-types lists, are"
                    + " refused (415); larger than lotabots.document.max-bytes: 413. A refused or broken-off upload"
                    + " keeps nothing. With curl: " + EXAMPLE_CURL)
    @APIResponse(
            responseCode = "201",
            description = "Stored; Location and ETag set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "document", value = EXAMPLE_DOCUMENT)))
    @APIResponse(
            responseCode = "400",
            description = "No metadata or file, invalid metadata, an unknown part (errors[])")
    @APIResponse(responseCode = "413", description = "The content exceeds lotabots.document.max-bytes")
    @APIResponse(responseCode = "415", description = "An executable, or bytes that are not the declared type")
    public Response upload(InputStream body, @Context HttpHeaders headers) {
        DocumentView document;
        try {
            document = documents.create(
                    Callers.of(security),
                    new MultipartDocumentForm(body, headers.getHeaderString(HttpHeaders.CONTENT_TYPE)));
        } catch (IOException e) {
            throw malformed(e);
        }
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(document.id().toString())
                        .build())
                .entity(document)
                .header(HttpHeaders.ETAG, VersionTag.of(document.version()))
                .build();
    }

    @GET
    @Operation(
            operationId = "listDocuments",
            summary = "List documents",
            description = "Filters combine: tag (documents carrying it), attributes (a JSON object the attributes"
                    + " contain), createdFrom/createdBefore (ISO-8601 instants), titlePrefix. sort: -createdAt"
                    + " (default), createdAt, title. Follow next.")
    @APIResponse(responseCode = "200", description = "{items, next}")
    @APIResponse(
            responseCode = "400",
            description = "An invalid filter, sort, cursor or limit (the parameter is named)")
    public PageResponse<DocumentView> list(
            @QueryParam("tag") @Size(max = 100) String tag,
            @QueryParam("attributes") @Size(max = 2000) String attributes,
            @QueryParam("createdFrom") String createdFrom,
            @QueryParam("createdBefore") String createdBefore,
            @QueryParam("titlePrefix") @Size(max = 300) String titlePrefix,
            @QueryParam("sort") @DefaultValue("-createdAt") String sort,
            @QueryParam("cursor") @Size(max = 1000) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        var query = new DocumentQuery(
                text("tag", tag),
                attributes(attributes),
                instant("createdFrom", createdFrom),
                instant("createdBefore", createdBefore),
                text("titlePrefix", titlePrefix),
                DocumentSort.of(sort)
                        .orElseThrow(() -> Refusal.invalidField("sort", "is one of -createdAt, createdAt, title")),
                cursor,
                limit);
        return PageResponse.of(documents.page(Callers.of(security), query), limit, uriInfo);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getDocument", summary = "Read a document's metadata", description = "With its ETag.")
    @APIResponse(responseCode = "200", description = "The document; ETag set")
    @APIResponse(responseCode = "404", description = "No such document in your tenant")
    public Response get(@PathParam("id") String id) {
        return withTag(documents.find(Callers.of(security), PathIds.parse(id, "document")), Response.ok());
    }

    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(
            operationId = "getDocumentContent",
            summary = "Download a document's content",
            description = "Streamed, with its Content-Type, Content-Length and Content-Disposition. Range: one range"
                    + " (206 with Content-Range) or several (206 multipart/byteranges); none within the content: 416"
                    + " with Content-Range: bytes */length. Every read is audited.")
    @APIResponse(responseCode = "200", description = "The content")
    @APIResponse(responseCode = "206", description = "The ranges asked for")
    @APIResponse(responseCode = "404", description = "No such document in your tenant")
    @APIResponse(responseCode = "416", description = "No range asked for lies within the content")
    public Response content(@PathParam("id") String id, @HeaderParam("Range") String range) {
        return download(PathIds.parse(id, "document"), null, range);
    }

    @PUT
    @Path("{id}/content")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "DEVELOPER"})
    @Operation(
            operationId = "replaceDocumentContent",
            summary = "Upload a new version of a document's content",
            description = "The body is the content, its Content-Type the declared type; X-File-Name may name the file."
                    + " If-Match with the document's ETag is required. Checked and limited as uploads are.")
    @APIResponse(responseCode = "200", description = "The document at its new version; new ETag")
    @APIResponse(responseCode = "404", description = "No such document in your tenant")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "413", description = "The content exceeds lotabots.document.max-bytes")
    @APIResponse(responseCode = "415", description = "An executable, or bytes that are not the declared type")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response replaceContent(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("X-File-Name") @Size(max = 255) String fileName,
            InputStream body)
            throws IOException {
        var document = documents.addVersion(
                Callers.of(security),
                PathIds.parse(id, "document"),
                VersionTag.expected(ifMatch),
                fileName,
                contentType,
                body);
        return withTag(document, Response.ok());
    }

    @PATCH
    @Path("{id}")
    @Consumes(MERGE_PATCH)
    @RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "DEVELOPER"})
    @Operation(
            operationId = "patchDocument",
            summary = "Change a document's metadata",
            description = "A JSON merge patch (RFC 7396) of {title, tags, attributes}; null removes an attribute."
                    + " If-Match with the document's ETag is required.")
    @APIResponse(responseCode = "200", description = "The document; new ETag")
    @APIResponse(responseCode = "400", description = "The patched metadata is invalid (the field is named)")
    @APIResponse(responseCode = "404", description = "No such document in your tenant")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String patch) {
        var document = documents.patch(
                Callers.of(security), PathIds.parse(id, "document"), VersionTag.expected(ifMatch), mergePatch(patch));
        return withTag(document, Response.ok());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({"OPERATOR", "ADMIN"})
    @Operation(
            operationId = "deleteDocument",
            summary = "Delete a document",
            description = "At once invisible; its content (every version) is purged after lotabots.document.retention."
                    + " If-Match is honoured when sent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such document in your tenant")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        documents.delete(Callers.of(security), PathIds.parse(id, "document"), VersionTag.expected(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/versions")
    @Operation(
            operationId = "listDocumentVersions",
            summary = "List a document's versions",
            description = "Newest first.")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "404", description = "No such document in your tenant")
    public List<DocumentVersionView> versions(@PathParam("id") String id) {
        return documents.versions(Callers.of(security), PathIds.parse(id, "document"));
    }

    @GET
    @Path("{id}/versions/{number}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(
            operationId = "getDocumentVersionContent",
            summary = "Download one version's content",
            description = "As the current content's download, Range included.")
    @APIResponse(responseCode = "200", description = "The content")
    @APIResponse(responseCode = "206", description = "The ranges asked for")
    @APIResponse(responseCode = "404", description = "No such document or version in your tenant")
    @APIResponse(responseCode = "416", description = "No range asked for lies within the content")
    public Response versionContent(
            @PathParam("id") String id, @PathParam("number") String number, @HeaderParam("Range") String range) {
        return download(PathIds.parse(id, "document"), versionNumber(number), range);
    }

    private Response download(java.util.UUID id, Integer number, String range) {
        String asked = range == null ? null : range.substring(0, Math.min(range.length(), 200));
        var content = documents.content(Callers.of(security), id, number, asked);
        return RangedContent.answer(
                documents, content, range, uriInfo.getRequestUri().getRawPath());
    }

    private static Response withTag(DocumentView document, Response.ResponseBuilder response) {
        return response.entity(document)
                .header(HttpHeaders.ETAG, VersionTag.of(document.version()))
                .build();
    }

    private static Integer versionNumber(String number) {
        if (number == null || !number.matches("[1-9][0-9]{0,8}")) {
            throw Refusal.invalidField("number", "is a version number: 1, 2, …");
        }
        return Integer.valueOf(number);
    }

    private static String text(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw Refusal.invalidField(name, "must be non-empty text without control characters");
        }
        return value;
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusal.invalidField(name, "is not an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    private static JsonObject attributes(String value) {
        if (value == null) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(value))) {
            var object = reader.readObject();
            if (object.toString().contains("\\u0000")) {
                throw Refusal.invalidField("attributes", "contains a NUL character");
            }
            return object;
        } catch (JsonException | IllegalStateException e) {
            throw Refusal.invalidField("attributes", "is not a JSON object such as {\"year\":2026}");
        }
    }

    private static JsonObject mergePatch(String body) {
        if (body == null || body.isBlank()) {
            throw Refusal.invalidField("body", "is required: a JSON merge patch object");
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw Refusal.invalidField("body", "is not a JSON object (a merge patch of the metadata)");
        }
    }

    private static Refusal malformed(IOException e) {
        return Refusal.builder(Refusal.Kind.INVALID_INPUT, "malformed-body", "Malformed request body")
                .detail("The body is not complete multipart/form-data; nothing was stored.")
                .problems(List.of(new FieldProblem(
                        "body",
                        e instanceof StreamingMultipart.MalformedMultipartException
                                ? "is not multipart/form-data"
                                : "ended early or is not multipart/form-data")))
                .build();
    }
}
