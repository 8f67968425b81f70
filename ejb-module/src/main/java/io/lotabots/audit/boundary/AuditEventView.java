package io.lotabots.audit.boundary;

import io.lotabots.audit.control.PersonalValues;
import io.lotabots.audit.control.PersonalValues.Party;
import io.lotabots.audit.entity.AuditEvent;
import io.lotabots.platform.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An audit event as auditors see it; {@code sequence} and {@code sealedAt} are set once it is chained. A
 * format-2 event's personal values are put back from its personal parts, reading as the pseudonym once erased.
 */
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

    static AuditEventView of(AuditEvent e, Map<Party, JsonObject> personal) {
        JsonObject actor = personal.getOrDefault(Party.ACTOR, JsonValue.EMPTY_JSON_OBJECT);
        var details = Json.createObjectBuilder(e.details());
        actor.forEach((name, value) -> {
            if (PersonalValues.PERSONAL_DETAILS.contains(name)) {
                details.add(name, value);
            }
        });
        personal.getOrDefault(Party.TARGET, JsonValue.EMPTY_JSON_OBJECT).forEach(details::add);
        return new AuditEventView(
                e.eventId(),
                e.chainSequence(),
                e.tenantId(),
                e.actor(),
                e.actorName() != null ? e.actorName() : actor.getString("actorName", null),
                e.action(),
                e.targetType(),
                e.targetId(),
                e.outcome().name(),
                e.sourceIp() != null ? e.sourceIp() : actor.getString("sourceIp", null),
                e.userAgent() != null ? e.userAgent() : actor.getString("userAgent", null),
                e.occurredAt(),
                details.build(),
                e.sealedAt());
    }
}
