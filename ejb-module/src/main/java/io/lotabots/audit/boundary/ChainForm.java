package io.lotabots.audit.boundary;

import io.lotabots.audit.control.CanonicalEvent;
import io.lotabots.audit.control.PseudonymisedEvent;
import io.lotabots.audit.entity.AuditEvent;

/**
 * An event row in the form its chain link covers, by the format it was written in; the sealer and the
 * verification use the same.
 */
final class ChainForm {

    private ChainForm() {}

    static byte[] bytes(AuditEvent event, long sequence) {
        if (event.format() == PseudonymisedEvent.FORMAT) {
            return new PseudonymisedEvent(
                            sequence,
                            event.eventId(),
                            event.tenantId(),
                            event.actor(),
                            event.action(),
                            event.targetType(),
                            event.targetId(),
                            event.outcome().name(),
                            event.occurredAt(),
                            event.details(),
                            event.actorDigest(),
                            event.targetDigest())
                    .toBytes();
        }
        return new CanonicalEvent(
                        sequence,
                        event.eventId(),
                        event.tenantId(),
                        event.actor(),
                        event.actorName(),
                        event.action(),
                        event.targetType(),
                        event.targetId(),
                        event.outcome().name(),
                        event.sourceIp(),
                        event.userAgent(),
                        event.occurredAt(),
                        event.details())
                .toBytes();
    }
}
