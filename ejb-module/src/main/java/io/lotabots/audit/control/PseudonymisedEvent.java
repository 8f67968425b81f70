package io.lotabots.audit.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hashed form of a format-2 audit event: as {@link CanonicalEvent}, but without the personal members
 * ({@code actorName}, {@code sourceIp}, {@code userAgent}, personal details), which {@link PersonalValues} keeps
 * apart, and with {@code format} = 2 and the keyed digests {@code actorPersonal} and {@code targetPersonal} (hex,
 * or JSON {@code null} when the party had no personal values). The {@code format} member keeps the two forms from
 * ever hashing alike.
 */
public record PseudonymisedEvent(
        long sequence,
        UUID eventId,
        UUID tenantId,
        String actor,
        String action,
        String targetType,
        String targetId,
        String outcome,
        Instant occurredAt,
        JsonObject details,
        byte[] actorDigest,
        byte[] targetDigest) {

    public static final int FORMAT = 2;

    private static final HexFormat HEX = HexFormat.of();

    public PseudonymisedEvent {
        EventMembers.requireShared(eventId, tenantId, actor, action, outcome, occurredAt);
        details = details == null ? JsonValue.EMPTY_JSON_OBJECT : details;
        actorDigest = actorDigest == null ? null : actorDigest.clone();
        targetDigest = targetDigest == null ? null : targetDigest.clone();
    }

    public JsonObject toJson() {
        var json = EventMembers.shared(
                        sequence, eventId, tenantId, actor, action, targetType, targetId, outcome, occurredAt, details)
                .add("format", FORMAT);
        EventMembers.addOrNull(json, "actorPersonal", actorDigest == null ? null : HEX.formatHex(actorDigest));
        EventMembers.addOrNull(json, "targetPersonal", targetDigest == null ? null : HEX.formatHex(targetDigest));
        return json.build();
    }

    public byte[] toBytes() {
        return CanonicalJson.toBytes(toJson());
    }
}
