package io.lotabots.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CanonicalEventTest {

    private static final UUID EVENT = UUID.fromString("0b8f6c9e-2d7a-4d1e-9a55-6f3f1c2b7e10");
    private static final UUID TENANT = UUID.fromString("7f4c1a52-0c9e-4b8e-9d61-3a2f5e8b9c10");

    private static CanonicalEvent event(long sequence, String userAgent) {
        return new CanonicalEvent(
                sequence,
                EVENT,
                TENANT,
                "mallory",
                null,
                "auth.login.failed",
                "user",
                null,
                "FAILURE",
                "203.0.113.7",
                userAgent,
                Instant.parse("2026-01-31T09:15:02.1234Z"),
                Json.createObjectBuilder()
                        .add("reason", "wrong-password")
                        .add("attempt", 3)
                        .build());
    }

    @Test
    void hashesExactlyTheDocumentedMembersInCanonicalOrder() {
        assertEquals(
                "{\"action\":\"auth.login.failed\",\"actor\":\"mallory\",\"actorName\":null,"
                        + "\"details\":{\"attempt\":3,\"reason\":\"wrong-password\"},"
                        + "\"eventId\":\"0b8f6c9e-2d7a-4d1e-9a55-6f3f1c2b7e10\","
                        + "\"occurredAt\":\"2026-01-31T09:15:02.123400Z\",\"outcome\":\"FAILURE\","
                        + "\"sequence\":7,\"sourceIp\":\"203.0.113.7\",\"targetId\":null,\"targetType\":\"user\","
                        + "\"tenantId\":\"7f4c1a52-0c9e-4b8e-9d61-3a2f5e8b9c10\",\"userAgent\":\"curl/8.5\"}",
                new String(event(7, "curl/8.5").toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void thePositionInTheChainIsPartOfTheHashedForm() {
        assertNotEquals(
                new String(event(7, "curl/8.5").toBytes(), StandardCharsets.UTF_8),
                new String(event(8, "curl/8.5").toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void anAbsentValueDiffersFromAnEmptyOne() {
        assertNotEquals(
                new String(event(7, null).toBytes(), StandardCharsets.UTF_8),
                new String(event(7, "").toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void timesAlwaysCarrySixFractionDigitsInUtc() {
        var whole = new CanonicalEvent(
                1,
                EVENT,
                TENANT,
                "system",
                null,
                "keys.rotated",
                null,
                null,
                "SUCCESS",
                null,
                null,
                Instant.parse("2026-01-31T09:15:02Z"),
                null);

        assertEquals("2026-01-31T09:15:02.000000Z", whole.toJson().getString("occurredAt"));
        assertEquals(0, whole.toJson().getJsonObject("details").size(), "no details is an empty object");
    }

    @Test
    void requiresTheIdentifyingFields() {
        assertThrows(
                NullPointerException.class,
                () -> new CanonicalEvent(
                        1, EVENT, TENANT, null, null, "a.b", null, null, "SUCCESS", null, null, Instant.EPOCH, null));
    }
}
