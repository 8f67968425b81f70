package io.lotabots.audit.api;

import io.lotabots.audit.boundary.AuditEvents;
import io.lotabots.audit.boundary.AuditVerification;
import io.lotabots.audit.boundary.VerificationReport;
import io.lotabots.platform.api.Callers;
import io.lotabots.platform.refusal.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's tenant's audit trail: its events, and a verification of its hash chain. */
@ApplicationScoped
@Path("audit")
@Tag(name = "Audit", description = "Append-only, hash-chained audit trail with signed checkpoints")
@RolesAllowed({"AUDITOR", "COMPLIANCE_OFFICER", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final String EXAMPLE_PAGE = "{\"items\":[{\"eventId\":\"0b8f6c9e-2d7a-4d1e-9a55-6f3f1c2b7e10\","
            + "\"sequence\":42,\"actor\":\"mallory\",\"action\":\"auth.login.failed\",\"outcome\":\"FAILURE\","
            + "\"sourceIp\":\"203.0.113.7\",\"userAgent\":\"curl/8.5\",\"occurredAt\":\"2026-01-31T09:15:02.123456Z\","
            + "\"details\":{\"reason\":\"wrong-password\"}}],"
            + "\"next\":\"https://api.example/api/v1/audit/events?limit=1&cursor=NDI\"}";

    private static final String EXAMPLE_BROKEN = "{\"intact\":false,\"eventsChecked\":17,\"firstBrokenSequence\":17,"
            + "\"reason\":\"stored hash 9f… differs from recomputed 3c…\",\"lastCheckpoint\":{\"sequence\":40,"
            + "\"signatureValid\":true},\"verifiedAt\":\"2026-01-31T10:00:00Z\",\"findings\":[]}";
    private static final String EXAMPLE_ROLLED_BACK = "{\"intact\":false,\"eventsChecked\":40,"
            + "\"firstBrokenSequence\":41,\"reason\":\"the signed checkpoint copy in S3 covers event 52 but the"
            + " database chain ends at 40: events 41..52 and their checkpoints were removed\",\"lastCheckpoint\":"
            + "{\"sequence\":40,\"signatureValid\":true},\"verifiedAt\":\"2026-01-31T10:00:00Z\",\"findings\":"
            + "[{\"type\":\"ROLLED_BACK\",\"sequence\":41,\"objectKey\":\"audit/checkpoints/…/0000000000000000052.jws\","
            + "\"detail\":\"the signed checkpoint copy in S3 covers event 52 but the database chain ends at 40: …\"}]}";

    @EJB
    AuditEvents events;

    @EJB
    AuditVerification verification;

    @Context
    SecurityContext security;

    @GET
    @Path("events")
    @Operation(
            operationId = "listAuditEvents",
            summary = "List audit events",
            description = "Newest first, only the caller's tenant. Filters: actor, action (exact, or a prefix such"
                    + " as auth.login.*), targetType and targetId, outcome, from (inclusive) and to (exclusive)"
                    + " as ISO-8601 UTC times. Page with limit (1-200, default 50) and the next link.")
    @APIResponse(
            responseCode = "200",
            description = "A page of events",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = EXAMPLE_PAGE)))
    @APIResponse(responseCode = "400", description = "An invalid filter, limit or cursor (problem+json naming each)")
    @APIResponse(responseCode = "403", description = "The caller is not an auditor, compliance officer or admin")
    public EventList list(@BeanParam EventFilter filter, @Context UriInfo uriInfo) {
        var page = events.find(filter.toQuery(tenant()));
        String next = page.nextCursor() == null
                ? null
                : uriInfo.getRequestUriBuilder()
                        .replaceQueryParam("cursor", page.nextCursor())
                        .build()
                        .toString();
        return new EventList(page.items(), next);
    }

    @GET
    @Path("verification")
    @Operation(
            operationId = "verifyAuditChain",
            summary = "Verify the audit chain",
            description = "Recomputes the hash chain over the tenant's sealed events and checks it against the"
                    + " latest signed checkpoint, and that checkpoint against the newest signed copy in S3"
                    + " (findings ROLLED_BACK, DIVERGED); reports the position of the first broken or missing"
                    + " event.")
    @APIResponse(
            responseCode = "200",
            description = "The verification result",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(name = "broken", value = EXAMPLE_BROKEN),
                                @ExampleObject(name = "rolled back", value = EXAMPLE_ROLLED_BACK)
                            }))
    @APIResponse(responseCode = "503", description = "PostgreSQL or S3 (the checkpoint copies) is not answering")
    @APIResponse(responseCode = "403", description = "The caller is not an auditor, compliance officer or admin")
    public VerificationReport verify() {
        return verification.verify(tenant());
    }

    private UUID tenant() {
        String tenant = Callers.token(security).getClaim("tenant");
        try {
            if (tenant != null) {
                return UUID.fromString(tenant);
            }
        } catch (IllegalArgumentException malformed) {
            // answered below like a missing claim
        }
        throw Refusal.forbidden("The token names no tenant.");
    }
}
