package io.lotabots.audit.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.UUID;

/**
 * The fields of an audit event that its chain link covers, and the bytes that are hashed: the
 * {@link CanonicalJson} form of one object with exactly these members (absent values are JSON
 * {@code null}, so filling one in later breaks the link): {@code sequence} (position in the
 * tenant's chain, from 1), {@code eventId}, {@code tenantId}, {@code actor}, {@code actorName},
 * {@code action}, {@code targetType}, {@code targetId}, {@code outcome}, {@code sourceIp},
 * {@code userAgent}, {@code occurredAt} (UTC, always six fraction digits:
 * {@code 2026-01-31T09:15:02.123456Z}) and {@code details}.
 */
public record CanonicalEvent(
        long sequence,
        UUID eventId,
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
        JsonObject details) {

    public CanonicalEvent {
        EventMembers.requireShared(eventId, tenantId, actor, action, outcome, occurredAt);
        details = details == null ? JsonValue.EMPTY_JSON_OBJECT : details;
    }

    public JsonObject toJson() {
        var json = EventMembers.shared(
                sequence, eventId, tenantId, actor, action, targetType, targetId, outcome, occurredAt, details);
        EventMembers.addOrNull(json, "actorName", actorName);
        EventMembers.addOrNull(json, "sourceIp", sourceIp);
        EventMembers.addOrNull(json, "userAgent", userAgent);
        return json.build();
    }

    public byte[] toBytes() {
        return CanonicalJson.toBytes(toJson());
    }
}
