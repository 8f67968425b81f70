package io.lotabots.consent.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller's own answer for one purpose. */
@Schema(description = "Grant (true) or withdraw (false) a purpose for yourself")
public record OwnConsentRequest(
        @Schema(description = "true grants, false withdraws") Boolean granted,
        @Schema(description = "The policy version you were shown; the current one when absent", minimum = "1")
                Integer policyVersion) {}
