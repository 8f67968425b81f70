package io.lotabots.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeIdCursorTest {

    @Test
    void readsThePositionACursorNames() {
        var time = Instant.parse("2026-11-26T10:15:30.123456Z");
        var id = UUID.randomUUID();

        assertEquals(new TimeIdCursor(time, id), TimeIdCursor.of(PageCursor.after(time.toString(), id.toString())));
    }

    @Test
    void noCursorStartsBeforeEveryRow() {
        var start = TimeIdCursor.of(null);

        assertEquals(Instant.EPOCH, start.time());
        assertEquals(new UUID(Long.MIN_VALUE, Long.MIN_VALUE), start.id());
    }

    @Test
    void aCursorWithAnUnreadableTimeOrIdIsMalformed() {
        assertThrows(MalformedCursorException.class, () -> TimeIdCursor.of(PageCursor.after("yesterday", "x")));
        assertThrows(
                MalformedCursorException.class,
                () -> TimeIdCursor.of(PageCursor.after(Instant.EPOCH.toString(), "not-a-uuid")));
        assertThrows(MalformedCursorException.class, () -> TimeIdCursor.of("%%%"));
    }

    @Test
    void readsBackWhatItEncodedToTheNanosecond() {
        var cursor = new TimeIdCursor(Instant.parse("2026-11-26T12:00:00.123456789Z"), UUID.randomUUID());

        assertEquals(cursor, TimeIdCursor.of(cursor.encode()));
    }

    @Test
    void aCursorOfAnotherListIsMalformed() {
        assertThrows(MalformedCursorException.class, () -> TimeIdCursor.of(PageCursor.after("alice")));
        assertThrows(MalformedCursorException.class, () -> TimeIdCursor.of(PageCursor.afterNumber(42)));
        assertThrows(MalformedCursorException.class, () -> TimeIdCursor.of("xyz"));
        assertThrows(MalformedCursorException.class, () -> TimeIdCursor.of("!!"));
    }
}
