package io.lotabots.attestation.model.api;

import io.lotabots.attestation.boundary.AttestationView;
import io.lotabots.attestation.model.boundary.ModelAttestations;
import io.lotabots.platform.api.Callers;
import io.lotabots.platform.json.Json;
import io.lotabots.platform.refusal.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Model attestation: a stored model appraised under a model policy, asynchronously. Operators, administrators
 * and developers' bots (API keys) attest, as for hardware.
 */
@ApplicationScoped
@Path("attestations/models")
@Tag(name = "Model attestation", description = "Stored AI models scanned and signature-checked, EAR results")
@RolesAllowed({"OPERATOR", "ADMIN", "DEVELOPER"})
public class ModelAttestationResource {

    private static final String EXAMPLE_BODY =
            "{\"modelId\":\"0192f3a4-5b6c-7d8e-9f01-23456789abcd\",\"policy\":\"default\"}";
    private static final String EXAMPLE_ACCEPTED =
            "{\"id\":\"5b0c7a52-3c1f-4d8e-9b3a-2f1e0d9c8b7a\",\"status\":\"PENDING\"}";

    @EJB
    ModelAttestations attestations;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "submitModelAttestation",
            summary = "Attest a stored model",
            description = "modelId (an uploaded model of the tenant), optional policy (a model policy name, default"
                    + " 'default'). The model is scanned and its model.sig verified asynchronously under the pinned"
                    + " policy version: poll the Location. The job holds one of the tenant's concurrent-jobs slots"
                    + " until it ends.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "model", value = EXAMPLE_BODY)))
    @APIResponse(
            responseCode = "202",
            description = "Stored and queued",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "accepted", value = EXAMPLE_ACCEPTED)))
    @APIResponse(responseCode = "400", description = "modelId missing or not a UUID, policy not a string or unknown")
    @APIResponse(responseCode = "409", description = "quota-exceeded: the tenant runs its most jobs at once")
    @APIResponse(responseCode = "422", description = "modelId names no model of the tenant")
    @APIResponse(responseCode = "429", description = "quota-exceeded: the tenant's CPU-seconds of today are spent")
    public Response submit(JsonObject body, @Context UriInfo uriInfo) {
        ModelSubmission submission;
        try {
            submission = ModelSubmissionReader.read(body);
        } catch (ModelSubmissionReader.Invalid e) {
            throw Refusal.invalidInput(e.problems());
        }
        AttestationView view = attestations.submit(Callers.of(security), submission.modelId(), submission.policy());
        var accepted = Json.createObjectBuilder()
                .add("id", view.id().toString())
                .add("status", view.status())
                .build();
        return Response.accepted(accepted)
                .type(MediaType.APPLICATION_JSON)
                .location(uriInfo.getBaseUriBuilder()
                        .path("attestations")
                        .path(view.id().toString())
                        .build())
                .build();
    }
}
