package io.lotabots.audit.control;

import io.lotabots.platform.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
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

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    public CanonicalEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(occurredAt, "occurredAt");
        details = details == null ? JsonValue.EMPTY_JSON_OBJECT : details;
    }

    public JsonObject toJson() {
        var json = Json.createObjectBuilder()
                .add("sequence", sequence)
                .add("eventId", eventId.toString())
                .add("tenantId", tenantId.toString())
                .add("actor", actor)
                .add("action", action)
                .add("outcome", outcome)
                .add("occurredAt", MICROS.format(occurredAt))
                .add("details", details);
        addOrNull(json, "actorName", actorName);
        addOrNull(json, "targetType", targetType);
        addOrNull(json, "targetId", targetId);
        addOrNull(json, "sourceIp", sourceIp);
        addOrNull(json, "userAgent", userAgent);
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
