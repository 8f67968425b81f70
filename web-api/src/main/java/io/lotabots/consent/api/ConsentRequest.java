package io.lotabots.consent.api;

import io.lotabots.consent.boundary.ConsentChange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A grant or withdrawal an officer records for a subject. */
@Schema(description = "A subject's grant (granted true) or withdrawal (false) of a purpose")
public record ConsentRequest(
        @Schema(
                        description =
                                "The data subject: a user id of the tenant, or the tenant's own id for the person",
                        maxLength = 200)
                String subject,
        @Schema(description = "The purpose's code") String purpose,
        @Schema(description = "true grants, false withdraws") Boolean granted,
        @Schema(description = "The policy version the subject was shown; the current one when absent", minimum = "1")
                Integer policyVersion) {

    ConsentChange toChange() {
        return new ConsentChange(subject, purpose, granted, policyVersion);
    }
}
