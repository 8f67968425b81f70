package io.lotabots.subjectrequest.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Extends a request's due date once. */
@Schema(description = "An extension of the GDPR due date (once per request)")
public record ExtensionBody(
        @Schema(description = "Days added to the original due date", minimum = "1", maximum = "60") Integer days,
        @Schema(description = "Why, as the subject is told", maxLength = 1000) String reason) {}
