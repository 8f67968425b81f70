package io.lotabots.audit.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;

/**
 * The members both hashed event formats share ({@link CanonicalEvent}, {@link PseudonymisedEvent}), written
 * once so the two can differ only where the formats do. Member order is free: {@link CanonicalJson} sorts keys.
 */
final class EventMembers {

    /** UTC, always six fraction digits: {@code 2026-01-31T09:15:02.123456Z}. */
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private EventMembers() {}

    /** Refuses an event without one of the members every event has. */
    static void requireShared(
            UUID eventId, UUID tenantId, String actor, String action, String outcome, Instant occurredAt) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    static JsonObjectBuilder shared(
            long sequence,
            UUID eventId,
            UUID tenantId,
            String actor,
            String action,
            String targetType,
            String targetId,
            String outcome,
            Instant occurredAt,
            JsonObject details) {
        var json = Json.createObjectBuilder()
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
        return json;
    }

    /** An absent value is JSON null, so filling it in later changes the hashed bytes. */
    static void addOrNull(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
