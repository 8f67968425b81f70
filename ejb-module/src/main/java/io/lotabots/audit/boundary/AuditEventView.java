package io.lotabots.audit.boundary;

import io.lotabots.audit.entity.AuditEvent;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.UUID;

/** An audit event as auditors see it; {@code sequence} and {@code sealedAt} are set once it is chained. */
@JsonbNillable
public record AuditEventView(
        UUID eventId,
        Long sequence,
        UUID tenantId,
        String actor,
        String actorName,
        String action,
        String targetType,
        String targetId,
        String outcome,
        String sourceIp,
        String userAgent,
        Instant occurredAt,
        JsonObject details,
        Instant sealedAt) {

    static AuditEventView of(AuditEvent e) {
        return new AuditEventView(
                e.eventId(),
                e.chainSequence(),
                e.tenantId(),
                e.actor(),
                e.actorName(),
                e.action(),
                e.targetType(),
                e.targetId(),
                e.outcome().name(),
                e.sourceIp(),
                e.userAgent(),
                e.occurredAt(),
                e.details(),
                e.sealedAt());
    }
}
