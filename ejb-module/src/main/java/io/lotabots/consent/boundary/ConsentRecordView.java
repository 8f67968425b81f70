package io.lotabots.consent.boundary;

import io.lotabots.consent.entity.ConsentRecord;
import io.lotabots.consent.entity.ConsentSource;
import java.time.Instant;
import java.util.UUID;

/** One grant or withdrawal: who, which purpose, under which policy version, how it was collected and by whom. */
public record ConsentRecordView(
        UUID id,
        String subject,
        String purpose,
        String state,
        int policyVersion,
        ConsentSource source,
        String recordedBy,
        String recordedByName,
        Instant recordedAt) {

    static ConsentRecordView of(ConsentRecord r, String purposeCode) {
        return new ConsentRecordView(
                r.id(),
                r.subject(),
                purposeCode,
                ConsentStateView.state(r.granted()),
                r.policyVersion(),
                r.source(),
                r.actor(),
                r.actorName(),
                r.recordedAt());
    }
}
