package io.lotabots.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void givesBackThePartsItWasMadeOf() {
        var cursor = PageCursor.after("2025-01-01T00:00:00Z", "6f1c0a52-3b1e-4d5c-9a0e-0c2f9b1d7e44");

        assertEquals(
                List.of("2025-01-01T00:00:00Z", "6f1c0a52-3b1e-4d5c-9a0e-0c2f9b1d7e44"), PageCursor.parts(cursor, 2));
    }

    @Test
    void isUrlSafeAndDoesNotShowItsKeyInPlainText() {
        var cursor = PageCursor.after("ünïcode user+name/with?chars");

        assertFalse(cursor.matches(".*[+/=?&].*"), cursor);
        assertFalse(cursor.contains("user"), cursor);
        assertEquals(List.of("ünïcode user+name/with?chars"), PageCursor.parts(cursor, 1));
    }

    @Test
    void keepsAnEmptyPart() {
        assertEquals(List.of("", "x"), PageCursor.parts(PageCursor.after("", "x"), 2));
    }

    @Test
    void refusesTextThatIsNotBase64url() {
        assertThrows(MalformedCursorException.class, () -> PageCursor.parts("not a cursor!", 1));
    }

    @Test
    void refusesACursorOfAnotherListShape() {
        var twoParts = PageCursor.after("a", "b");

        assertThrows(MalformedCursorException.class, () -> PageCursor.parts(twoParts, 1));
        assertThrows(MalformedCursorException.class, () -> PageCursor.parts(PageCursor.after("a"), 2));
    }

    @Test
    void refusesToBuildACursorWhosePartContainsTheSeparator() {
        assertThrows(IllegalArgumentException.class, () -> PageCursor.after("two\nlines"));
    }

    @Test
    void aNumberedPositionReadsBackAndIsUrlSafeText() {
        assertEquals(123456789L, PageCursor.number(PageCursor.afterNumber(123456789L)));
        assertTrue(PageCursor.afterNumber(Long.MAX_VALUE).matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void aNumberedPositionRefusesWhatItDidNotIssue() {
        for (String forged : new String[] {
            "", "not a cursor!", "not-a-cursor", encoded("abc"), encoded("0"), encoded("-5"), encoded("1\n2")
        }) {
            assertThrows(MalformedCursorException.class, () -> PageCursor.number(forged), forged);
        }
    }

    @Test
    void aNumberedPositionIsPositive() {
        assertThrows(IllegalArgumentException.class, () -> PageCursor.afterNumber(0));
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
