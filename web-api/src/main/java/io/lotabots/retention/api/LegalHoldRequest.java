package io.lotabots.retention.api;

import io.lotabots.retention.boundary.HoldDraft;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A legal hold to place. */
@Schema(description = "A legal hold: on the tenant, on one data subject, or on one object")
public record LegalHoldRequest(
        @Schema(
                        description = "What the hold covers",
                        enumeration = {"tenant", "subject", "object"},
                        example = "subject")
                String scope,
        @Schema(
                        description = "For scope subject: the data subject (a user id of the tenant, as in created-by"
                                + " and submitted-by)",
                        maxLength = 200)
                String subject,
        @Schema(
                        description = "For scope object",
                        enumeration = {"document", "model", "attestation"})
                String objectType,
        @Schema(description = "For scope object: the object's id", format = "uuid") String objectId,
        @Schema(description = "Why (a case number, a request from counsel)", maxLength = 1000, example = "Case 2026-17")
                String reason) {

    HoldDraft toDraft() {
        return new HoldDraft(scope, subject, objectType, objectId, reason);
    }
}
