package io.lotabots.attestation.api;

import io.lotabots.attestation.boundary.AttestationReviews;
import io.lotabots.attestation.boundary.Attestations;
import io.lotabots.attestation.boundary.ReviewView;
import io.lotabots.platform.api.Callers;
import io.lotabots.platform.api.PathIds;
import io.lotabots.platform.refusal.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The review of an attestation's outcome by a compliance officer or administrator: accepted, or
 * flagged with a justification. Audited as {@code attestation.reviewed}; the attestation's own
 * document carries its current review.
 */
@ApplicationScoped
@Path("attestations/{id}/review")
@Tag(name = "Attestation results")
@Produces(MediaType.APPLICATION_JSON)
public class AttestationReviewResource {

    private static final String REQUEST_EXAMPLE =
            "{\"decision\":\"FLAGGED\",\"justification\":\"PCR 7 differs from the golden image of this fleet\"}";

    @EJB
    AttestationReviews reviews;

    @EJB
    Attestations attestations;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"COMPLIANCE_OFFICER", "ADMIN"})
    @Operation(
            operationId = "reviewAttestation",
            summary = "Review an attestation's outcome",
            description = "Accept the verdict, or flag it with a mandatory justification; accepting a verdict that"
                    + " is currently flagged also needs a justification. The new review becomes"
                    + " the current one; earlier reviews stay in the history. Only final attestations are reviewed.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "flag", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The stored review")
    @APIResponse(
            responseCode = "400",
            description = "No or an unknown decision; a flag, or the acceptance of a flagged verdict, without"
                    + " justification (errors[] names the field)")
    @APIResponse(responseCode = "404", description = "No such attestation in the caller's tenant")
    @APIResponse(responseCode = "409", description = "The attestation is not final yet")
    public Response review(@PathParam("id") String id, ReviewRequest request) {
        var body = request == null ? new ReviewRequest(null, null) : request;
        var caller = Callers.of(security);
        ReviewView review = reviews.review(
                caller, caller.name(), PathIds.parse(id, "attestation"), body.decision(), body.justification());
        return Response.status(Response.Status.CREATED).entity(review).build();
    }

    @GET
    @RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "AUDITOR", "DEVELOPER"})
    @Operation(
            operationId = "getAttestationReviews",
            summary = "Read an attestation's reviews",
            description = "The current review and the history.")
    @APIResponse(responseCode = "200", description = "{current, history}")
    @APIResponse(responseCode = "404", description = "No such attestation in the caller's tenant")
    public ReviewHistory history(@PathParam("id") String id) {
        UUID attestation = PathIds.parse(id, "attestation");
        UUID tenant = Callers.of(security).tenantId();
        if (attestations.find(tenant, attestation).isEmpty()) {
            throw notFound(id);
        }
        var history = reviews.history(tenant, attestation);
        return new ReviewHistory(history.isEmpty() ? null : history.get(0), history);
    }

    private static Refusal notFound(String id) {
        return Refusal.notFound("No attestation " + id + ".");
    }
}
