package io.lotabots.audit.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    private static AuditEvent event(String actor, String userAgent) {
        return new AuditEvent(
                UUID.randomUUID(),
                UUID.randomUUID(),
                new AuditEvent.Attribution(actor, null, "203.0.113.7", userAgent),
                new AuditEvent.What(
                        "auth.login.failed",
                        "user",
                        null,
                        Outcome.FAILURE,
                        Json.createObjectBuilder().build()),
                Instant.parse("2026-01-31T09:15:02.123456789Z"));
    }

    @Test
    void keepsTheTimeAtTheMicrosecondsTheColumnHolds() {
        assertEquals(
                Instant.parse("2026-01-31T09:15:02.123456Z"), event("a", null).occurredAt());
    }

    @Test
    void cutsAttackerSuppliedTextToItsColumnInsteadOfFailingTheLogin() {
        var event = event("x".repeat(5000), "agent\u0000" + "y".repeat(5000));

        assertEquals(200, event.actor().length());
        String userAgent = event.personalParts().get(0).personal().getString("userAgent");
        assertEquals(500, userAgent.length());
        assertEquals("agent\uFFFD", userAgent.substring(0, 6));
    }

    @Test
    void isSealedOnceOnly() {
        var event = event("a", null);
        assertNull(event.chainSequence());

        event.seal(4, new byte[32], Instant.EPOCH);

        assertEquals(4L, event.chainSequence());
        assertArrayEquals(new byte[32], event.chainHash());
        assertThrows(IllegalStateException.class, () -> event.seal(5, new byte[32], Instant.EPOCH));
    }
}
