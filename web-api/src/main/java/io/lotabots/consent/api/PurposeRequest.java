package io.lotabots.consent.api;

import io.lotabots.consent.boundary.PurposeDraft;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new purpose with its first policy text. */
@Schema(description = "A processing purpose of the tenant's catalogue and its first policy text")
public record PurposeRequest(
        @Schema(
                        description = "Stable code: a lowercase letter, then lowercase letters, digits or '-'",
                        example = "model-provenance")
                String code,
        @Schema(description = "Short name shown to subjects", maxLength = 200) String name,
        @Schema(description = "What is done with the data, for whom", maxLength = 2000) String description,
        @Schema(
                        description = "GDPR Art. 6(1) basis",
                        enumeration = {
                            "CONSENT",
                            "CONTRACT",
                            "LEGAL_OBLIGATION",
                            "VITAL_INTERESTS",
                            "PUBLIC_TASK",
                            "LEGITIMATE_INTERESTS"
                        })
                String legalBasis,
        @Schema(
                        description = "Processing that is refused for a caller who has not granted this purpose (legal"
                                + " basis CONSENT only)")
                List<String> requiredFor,
        @Schema(description = "The policy text subjects are shown (version 1)", maxLength = 20000) String policyText,
        @Schema(description = "Where the text is published, if anywhere", maxLength = 500) String policyUrl) {

    PurposeDraft toDraft() {
        return new PurposeDraft(code, name, description, legalBasis, requiredFor, policyText, policyUrl);
    }
}
