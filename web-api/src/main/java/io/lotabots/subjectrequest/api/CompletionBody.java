package io.lotabots.subjectrequest.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What was corrected for a rectification. */
@Schema(description = "The officer's note on what was corrected")
public record CompletionBody(@Schema(description = "What was corrected, and where", maxLength = 2000) String note) {}
