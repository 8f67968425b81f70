package io.lotabots.audit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EventCursorTest {

    @Test
    void readsBackThePositionItCarries() {
        assertEquals(
                123456789L, EventCursor.decode(EventCursor.encode(123456789L)).getAsLong());
    }

    @Test
    void isUrlSafeText() {
        assertTrue(EventCursor.encode(Long.MAX_VALUE).matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void refusesWhatThisServerDidNotIssue() {
        for (String forged : new String[] {
            "", "not a cursor!", encoded("e1:abc"), encoded("e1:0"), encoded("e1:-5"), encoded("v9:12"), encoded("12")
        }) {
            assertTrue(EventCursor.decode(forged).isEmpty(), forged);
        }
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
