package io.lotabots.attestation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reviewer's decision about an attestation's outcome. */
@Schema(description = "ACCEPTED, or FLAGGED with a justification (at most 2000 characters)")
public record ReviewRequest(
        @Schema(
                        enumeration = {"ACCEPTED", "FLAGGED"},
                        example = "FLAGGED")
                String decision,
        @Schema(example = "PCR 7 differs from the golden image of this fleet") String justification) {}
