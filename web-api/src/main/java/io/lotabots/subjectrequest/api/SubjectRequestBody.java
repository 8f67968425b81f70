package io.lotabots.subjectrequest.api;

import io.lotabots.subjectrequest.boundary.NewSubjectRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A data-subject request as filed. */
@Schema(description = "A data-subject request: export (Art. 15), erasure (Art. 17) or rectification (Art. 16)")
public record SubjectRequestBody(
        @Schema(description = "export, erasure or rectification", examples = "export") String type,
        @Schema(
                        description = "The data subject: a user id of the tenant or a consent subject's id; on"
                                + " /privacy/me/requests leave it out",
                        maxLength = 200)
                String subject,
        @Schema(description = "What the request is about; required for a rectification", maxLength = 2000)
                String description) {

    NewSubjectRequest toRequest() {
        return new NewSubjectRequest(type, subject, description);
    }
}
