package io.lotabots.retention.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a hold is released. */
@Schema(description = "The release of a legal hold")
public record ReleaseRequest(
        @Schema(description = "Why the hold ends", maxLength = 1000, example = "Case 2026-17 closed") String reason) {}
