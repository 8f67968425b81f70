package io.lotabots.subjectrequest.boundary;

import io.lotabots.subjectrequest.control.ErasureStep;
import io.lotabots.subjectrequest.control.GdprClock;
import io.lotabots.subjectrequest.entity.RequestType;
import io.lotabots.subjectrequest.entity.SubjectRequest;
import java.time.Instant;
import java.util.UUID;

/**
 * A request as the API and the console show it. {@code step} and {@code progress} ("3/7") tell how far a
 * running or failed erasure got; {@code exportAvailable} whether the archive can still be downloaded.
 */
public record SubjectRequestView(
        UUID id,
        String type,
        String subject,
        String state,
        String description,
        String requestedBy,
        String requestedByName,
        Instant receivedAt,
        Instant dueAt,
        boolean overdue,
        boolean extended,
        String extensionReason,
        String decidedBy,
        String decidedByName,
        Instant decidedAt,
        String decisionReason,
        String completionNote,
        String step,
        String progress,
        int attempts,
        String failureReason,
        Long exportSize,
        String exportSha256,
        Instant exportExpiresAt,
        boolean exportAvailable,
        boolean certificateAvailable,
        Instant completedAt,
        long version) {

    static SubjectRequestView of(SubjectRequest r, Instant now) {
        boolean erasure = r.type() == RequestType.ERASURE;
        return new SubjectRequestView(
                r.id(),
                r.type().name(),
                r.subject(),
                r.state().name(),
                r.description(),
                r.requestedBy(),
                r.requestedByName(),
                r.receivedAt(),
                r.dueAt(),
                GdprClock.overdue(r.dueAt(), r.state().closed(), now),
                r.extensionReason() != null,
                r.extensionReason(),
                r.decidedBy(),
                r.decidedByName(),
                r.decidedAt(),
                r.decisionReason(),
                r.completionNote(),
                r.step(),
                erasure ? r.stepsDone() + "/" + ErasureStep.values().length : null,
                r.attempts(),
                r.failureReason(),
                r.resultSize(),
                r.resultSha256(),
                r.expiresAt(),
                r.resultKey() != null && (r.expiresAt() == null || now.isBefore(r.expiresAt())),
                erasure && r.state() == io.lotabots.subjectrequest.entity.RequestState.COMPLETED,
                r.completedAt(),
                r.version());
    }
}
