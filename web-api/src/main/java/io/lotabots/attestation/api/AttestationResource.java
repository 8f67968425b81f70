package io.lotabots.attestation.api;

import io.lotabots.attestation.boundary.AttestationStatistics;
import io.lotabots.attestation.boundary.AttestationStats;
import io.lotabots.attestation.boundary.AttestationView;
import io.lotabots.attestation.boundary.Attestations;
import io.lotabots.platform.api.Callers;
import io.lotabots.platform.api.PathIds;
import io.lotabots.platform.refusal.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Attestation results of every type, within the caller's tenant; another tenant's ids answer 404. */
@ApplicationScoped
@Path("attestations")
@Tag(name = "Attestation results", description = "Verdicts, checks, claims and signed EAR tokens")
@RolesAllowed({"OPERATOR", "ADMIN", "COMPLIANCE_OFFICER", "AUDITOR", "DEVELOPER"})
@Produces(MediaType.APPLICATION_JSON)
public class AttestationResource {

    private static final String EXAMPLE = "{\"id\":\"5b0c7a52-3c1f-4d8e-9b3a-2f1e0d9c8b7a\",\"type\":\"HARDWARE\","
            + "\"status\":\"REJECTED\",\"verdict\":\"CONTRAINDICATED\",\"reasons\":[\"NONCE_REUSED\"],"
            + "\"checks\":[{\"name\":\"signature\",\"outcome\":\"PASSED\"},{\"name\":\"nonce\",\"outcome\":\"FAILED\","
            + "\"reason\":\"NONCE_REUSED\",\"detail\":\"the nonce was used before\"}],\"claims\":{},"
            + "\"policy\":{\"name\":\"default\",\"version\":1},\"token\":\"eyJhbGciOiJFUzI1NiIs...\","
            + "\"submittedAt\":\"2026-11-26T12:00:00Z\",\"completedAt\":\"2026-11-26T12:00:00.040Z\","
            + "\"deviceId\":null,\"evidenceDigest\":\"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b\"}";

    @EJB
    Attestations attestations;

    @EJB
    AttestationStatistics statistics;

    @Context
    SecurityContext security;

    @GET
    @Operation(
            operationId = "listAttestations",
            summary = "List attestations",
            description = "Newest first. Filters: type, status, verdict, deviceId, from (inclusive), to (exclusive),"
                    + " ISO-8601 UTC; policy (the pinned policy's name); review (not-reviewed, flagged, accepted: final"
                    + " attestations by their current review). Page with limit (1-200, default 50) and the next link.")
    @APIResponse(responseCode = "200", description = "{items, next}")
    @APIResponse(responseCode = "400", description = "An invalid filter, limit or cursor (problem+json naming each)")
    public AttestationList list(@BeanParam AttestationFilter filter, @Context UriInfo uriInfo) {
        var page = attestations.list(filter.toQuery(tenant()));
        String next = page.nextCursor() == null
                ? null
                : uriInfo.getRequestUriBuilder()
                        .replaceQueryParam("cursor", page.nextCursor())
                        .build()
                        .toString();
        return new AttestationList(page.items(), next);
    }

    @GET
    @Path("stats")
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER", "AUDITOR"})
    @Operation(
            operationId = "getAttestationStats",
            summary = "Attestation volume, success rate and review queue",
            description = "Per type (HARDWARE, MODEL) and UTC day of the last `days` days (1-366, default 30, today"
                    + " included, every day listed): submitted, verified, rejected, failed, unfinished and the success"
                    + " rate (verified out of the final ones; null with none), with the window's total per type;"
                    + " and the review queue of every final attestation: notReviewed, flagged, accepted. The console's"
                    + " overview shows these numbers.")
    @APIResponse(responseCode = "200", description = "{from, to, days, types: [{type, total, days}], reviewQueue}")
    @APIResponse(responseCode = "400", description = "`days` not a whole number in 1-366 (problem+json naming it)")
    public AttestationStats stats(@QueryParam("days") String days) {
        return statistics.of(tenant(), days(days));
    }

    private static int days(String text) {
        if (text == null || text.isBlank()) {
            return AttestationStatistics.DEFAULT_DAYS;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            throw Refusal.invalidField(
                    "days", "must be a whole number between 1 and " + AttestationStatistics.MAX_DAYS);
        }
    }

    @GET
    @Path("{id}")
    @Operation(
            operationId = "getAttestation",
            summary = "Read an attestation",
            description = "PENDING and PROCESSING until verified; then the verdict, the reason codes, every check,"
                    + " the claims and the signed result (EAR, ES256; keys at /.well-known/jwks.json).")
    @APIResponse(
            responseCode = "200",
            description = "The attestation",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "rejected", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such attestation in the caller's tenant")
    public AttestationView get(@PathParam("id") String id) {
        return attestations.find(tenant(), PathIds.parse(id, "attestation")).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("{id}/evidence")
    @Operation(
            operationId = "getAttestationEvidence",
            summary = "Download the evidence",
            description = "The stored evidence document: every submitted part in base64, canonical JSON; its"
                    + " SHA-256 is the attestation's evidenceDigest.")
    @APIResponse(responseCode = "200", description = "The evidence document")
    @APIResponse(responseCode = "404", description = "No such attestation in the caller's tenant")
    public Response evidence(@PathParam("id") String id) {
        byte[] document = attestations
                .evidence(tenant(), PathIds.parse(id, "attestation"))
                .orElseThrow(() -> notFound(id));
        return download(document, "evidence-" + id + ".json");
    }

    @GET
    @Path("{id}/report")
    @Operation(
            operationId = "getAttestationReport",
            summary = "Download the verification report",
            description = "Every check with its inputs and outcome, the claims and the verifier's inputs.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "404", description = "No such attestation, or no verdict yet")
    public Response report(@PathParam("id") String id) {
        byte[] document = attestations
                .report(tenant(), PathIds.parse(id, "attestation"))
                .orElseThrow(() -> Refusal.notFound("Attestation " + id + " has no report (yet)."));
        return download(document, "report-" + id + ".json");
    }

    private static Response download(byte[] document, String fileName) {
        return Response.ok(document, MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    private UUID tenant() {
        return Callers.of(security).tenantId();
    }

    private static Refusal notFound(String id) {
        return Refusal.notFound("No attestation " + id + ".");
    }
}
