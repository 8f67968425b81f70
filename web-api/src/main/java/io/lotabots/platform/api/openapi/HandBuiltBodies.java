package io.lotabots.platform.api.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The bodies of operations whose Java signature says nothing about them (a {@code JsonObject}, a
 * list of multipart entity parts, a {@code Response} built by hand): their schemas, by operation id.
 */
final class HandBuiltBodies {

    private static final String JSON = "application/json";
    private static final String MULTIPART = "multipart/form-data";
    private static final String FORM = "application/x-www-form-urlencoded";

    private HandBuiltBodies() {}

    static void describe(Operation operation) {
        switch (operation.getOperationId()) {
            case "issueHardwareNonce" -> {
                request(operation, JSON, Schemas.ref(ContractShapes.NONCE_REQUEST));
                operation.getRequestBody().required(false);
                response(operation, "201", Schemas.ref(ContractShapes.NONCE));
            }
            case "submitHardwareEvidence" -> {
                request(operation, JSON, Schemas.ref(ContractShapes.HARDWARE_EVIDENCE));
                request(operation, MULTIPART, Schemas.ref(ContractShapes.HARDWARE_EVIDENCE_FILES));
                jsonFirst(operation);
                operation.getRequestBody().required(true);
                response(operation, "202", Schemas.ref(ContractShapes.SUBMISSION_ACCEPTED));
            }
            case "uploadModel" -> {
                operation.setRequestBody(OASFactory.createRequestBody().content(OASFactory.createContent()));
                request(operation, MULTIPART, Schemas.ref(ContractShapes.MODEL_UPLOAD));
                operation.getRequestBody().required(true);
            }
            case "login", "refreshSession" -> response(operation, "200", Schemas.ref(ContractShapes.TOKEN_RESPONSE));
            case "getAttestation" -> response(operation, "200", Schemas.ref(BoundaryViews.ATTESTATION_VIEW));
            case "issueClientToken" -> {
                request(operation, FORM, Schemas.ref(ContractShapes.CLIENT_CREDENTIALS_GRANT));
                response(operation, "200", Schemas.ref(ContractShapes.TOKEN_RESPONSE));
            }
            case "getAttestationEvidence" -> response(
                    operation, "200", Schemas.freeForm("Every submitted part in base64, canonical JSON"));
            case "getAttestationReport" -> response(
                    operation,
                    "200",
                    Schemas.freeForm("Every check with its inputs, the claims, the verifier's inputs"));
            default -> {
                // described by its annotations and Java types
            }
        }
    }

    private static void request(Operation operation, String mediaType, Schema schema) {
        if (operation.getRequestBody() == null) {
            operation.setRequestBody(OASFactory.createRequestBody().content(OASFactory.createContent()));
        }
        var content = operation.getRequestBody().getContent();
        mediaType(content.getMediaType(mediaType), schema, m -> content.addMediaType(mediaType, m));
    }

    /** Client generators take the first media type for a method's body: JSON is the one to type. */
    private static void jsonFirst(Operation operation) {
        var content = operation.getRequestBody().getContent();
        var ordered = OASFactory.createContent().addMediaType(JSON, content.getMediaType(JSON));
        content.getMediaTypes().forEach((name, type) -> {
            if (!JSON.equals(name)) {
                ordered.addMediaType(name, type);
            }
        });
        operation.getRequestBody().setContent(ordered);
    }

    private static void response(Operation operation, String status, Schema schema) {
        var response = operation.getResponses().getAPIResponse(status);
        if (response.getContent() == null) {
            response.setContent(OASFactory.createContent());
        }
        var content = response.getContent();
        mediaType(content.getMediaType(JSON), schema, m -> content.addMediaType(JSON, m));
    }

    private static void mediaType(MediaType existing, Schema schema, java.util.function.Consumer<MediaType> add) {
        if (existing == null) {
            add.accept(OASFactory.createMediaType().schema(schema));
        } else {
            existing.setSchema(schema);
        }
    }
}
