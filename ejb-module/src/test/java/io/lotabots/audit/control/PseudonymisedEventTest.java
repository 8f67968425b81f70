package io.lotabots.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PseudonymisedEventTest {

    private static final UUID EVENT = UUID.fromString("0b8f6c9e-2d7a-4d1e-9a55-6f3f1c2b7e10");
    private static final UUID TENANT = UUID.fromString("7f4c1a52-0c9e-4b8e-9d61-3a2f5e8b9c10");
    private static final Instant AT = Instant.parse("2026-01-31T09:15:02.1234Z");

    private static PseudonymisedEvent event(byte[] actorDigest) {
        return new PseudonymisedEvent(
                5,
                EVENT,
                TENANT,
                "user-1",
                "user.created",
                "user",
                "user-2",
                "SUCCESS",
                AT,
                Json.createObjectBuilder().add("roles", "ADMIN").build(),
                actorDigest,
                null);
    }

    @Test
    void hashesTheFormatAndTheDigestsInPlaceOfThePersonalValues() {
        byte[] digest = new byte[32];
        digest[0] = 1;

        assertEquals(
                "{\"action\":\"user.created\",\"actor\":\"user-1\",\"actorPersonal\":\"01"
                        + "00".repeat(31)
                        + "\",\"details\":{\"roles\":\"ADMIN\"},\"eventId\":\"" + EVENT
                        + "\",\"format\":2,\"occurredAt\":\"2026-01-31T09:15:02.123400Z\",\"outcome\":\"SUCCESS\","
                        + "\"sequence\":5,\"targetId\":\"user-2\",\"targetPersonal\":null,\"targetType\":\"user\","
                        + "\"tenantId\":\"" + TENANT + "\"}",
                new String(event(digest).toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void anotherDigestChangesTheHashedBytes() {
        byte[] one = new byte[32];
        byte[] other = new byte[32];
        other[31] = 1;

        assertFalse(Arrays.equals(event(one).toBytes(), event(other).toBytes()));
        assertFalse(Arrays.equals(event(one).toBytes(), event(null).toBytes()));
    }

    @Test
    void neverHashesLikeAFormatOneEventOfTheSameFields() {
        var formatOne = new CanonicalEvent(
                5,
                EVENT,
                TENANT,
                "user-1",
                null,
                "user.created",
                "user",
                "user-2",
                "SUCCESS",
                null,
                null,
                AT,
                Json.createObjectBuilder().add("roles", "ADMIN").build());

        assertFalse(Arrays.equals(formatOne.toBytes(), event(null).toBytes()));
        assertEquals(
                64,
                HexFormat.of()
                        .formatHex(AuditChain.link(
                                AuditChain.genesis(), event(null).toBytes()))
                        .length());
    }
}
