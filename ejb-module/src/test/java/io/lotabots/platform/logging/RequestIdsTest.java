package io.lotabots.platform.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aProxysOrClientsIdIsKept() {
        assertEquals("req-2026:0001.a_b", RequestIds.accept("req-2026:0001.a_b"));
        String uuid = UUID.randomUUID().toString();
        assertEquals(uuid, RequestIds.accept(uuid));
    }

    @Test
    void withoutOneANewRandomIdIsMade() {
        String first = RequestIds.accept(null);
        String second = RequestIds.accept(null);

        assertNotEquals(first, second);
        assertEquals(first, UUID.fromString(first).toString());
    }

    @Test
    void anIdThatCouldCarryLineBreaksMarkupOrMoreIsReplaced() {
        for (String offered : new String[] {
            "abc\ndef-ghij",
            "<script>alert(1)</script>",
            "name@example.com",
            "has space 1234",
            "short",
            "x".repeat(129),
            ""
        }) {
            String accepted = RequestIds.accept(offered);
            assertNotEquals(offered, accepted, offered);
            assertTrue(accepted.matches("[0-9a-f-]{36}"), accepted);
        }
    }
}
