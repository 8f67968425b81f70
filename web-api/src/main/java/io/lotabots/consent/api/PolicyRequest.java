package io.lotabots.consent.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A purpose's next policy text. */
@Schema(description = "A new version of a purpose's policy text")
public record PolicyRequest(
        @Schema(description = "The text subjects are shown", maxLength = 20000) String policyText,
        @Schema(description = "Where it is published, if anywhere", maxLength = 500) String policyUrl) {}
