package io.lotabots.subjectrequest.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An officer's decision on an erasure. */
@Schema(description = "Approve (true) or reject (false) an erasure, with the reason")
public record ApprovalBody(
        @Schema(description = "true approves, false rejects") Boolean approve,
        @Schema(description = "The reason", maxLength = 1000) String reason) {}
