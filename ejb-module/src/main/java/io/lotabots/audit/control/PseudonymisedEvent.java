package io.lotabots.audit.control;

import io.lotabots.platform.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
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
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    public PseudonymisedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(occurredAt, "occurredAt");
        details = details == null ? JsonValue.EMPTY_JSON_OBJECT : details;
        actorDigest = actorDigest == null ? null : actorDigest.clone();
        targetDigest = targetDigest == null ? null : targetDigest.clone();
    }

    public JsonObject toJson() {
        var json = Json.createObjectBuilder()
                .add("format", FORMAT)
                .add("sequence", sequence)
                .add("eventId", eventId.toString())
                .add("tenantId", tenantId.toString())
                .add("actor", actor)
                .add("action", action)
                .add("outcome", outcome)
                .add("occurredAt", MICROS.format(occurredAt))
                .add("details", details);
        addOrNull(json, "targetType", targetType);
        addOrNull(json, "targetId", targetId);
        addOrNull(json, "actorPersonal", actorDigest == null ? null : HEX.formatHex(actorDigest));
        addOrNull(json, "targetPersonal", targetDigest == null ? null : HEX.formatHex(targetDigest));
        return json.build();
    }

    public byte[] toBytes() {
        return CanonicalJson.toBytes(toJson());
    }

    private static void addOrNull(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
