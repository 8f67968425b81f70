package io.lotabots.subjectrequest.boundary;

import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.AuditTrail;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.subjectrequest.entity.SubjectRequest;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * Every step of a data-subject request on the tenant's chain, target {@code subject-request}. Job steps
 * name the person the job works for: the requester for an export, the approving officer for an erasure.
 */
@Dependent
class SubjectRequestAudit {

    static final String TARGET = "subject-request";

    @Inject
    AuditTrail audit;

    void record(Caller actor, String action, SubjectRequest request, String... details) {
        var record = actor.attribute(AuditRecord.success(action))
                .target(TARGET, request.id())
                .detail("type", request.type().name())
                .detail("subject", request.subject());
        for (int i = 0; i + 1 < details.length; i += 2) {
            record.detail(details[i], details[i + 1]);
        }
        audit.record(record.build());
    }

    void failed(Caller actor, SubjectRequest request, String step, String reason) {
        audit.record(actor.attribute(AuditRecord.failure("privacy.request.failed"))
                .target(TARGET, request.id())
                .detail("type", request.type().name())
                .detail("subject", request.subject())
                .detail("step", step == null ? "" : step)
                .detail("reason", reason)
                .build());
    }
}
