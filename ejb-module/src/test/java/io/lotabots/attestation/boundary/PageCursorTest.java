package io.lotabots.attestation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void readsBackWhatItWroteToTheNanosecond() {
        var cursor = new AttestationQuery.PageCursor(Instant.parse("2026-11-26T12:00:00.123456Z"), UUID.randomUUID());

        assertEquals(cursor, AttestationQuery.PageCursor.decode(cursor.encode()).orElseThrow());
    }

    @Test
    void refusesTextItDidNotIssue() {
        assertTrue(AttestationQuery.PageCursor.decode("!!").isEmpty());
        assertTrue(AttestationQuery.PageCursor.decode(Base64.getUrlEncoder().encodeToString("e1:42".getBytes()))
                .isEmpty());
        assertTrue(AttestationQuery.PageCursor.decode(
                        Base64.getUrlEncoder().encodeToString("a1:1:2:not-a-uuid".getBytes()))
                .isEmpty());
    }
}
