package io.lotabots.subjectrequest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GdprClockTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aRequestIsDueThirtyDaysAfterReceipt() {
        assertEquals(Instant.parse("2026-12-31T10:00:00Z"), GdprClock.due(RECEIVED));
    }

    @Test
    void anExtensionAddsUpToSixtyDaysToTheOriginalDueDate() {
        assertEquals(Instant.parse("2027-03-01T10:00:00Z"), GdprClock.extended(RECEIVED, 60));
        assertThrows(IllegalArgumentException.class, () -> GdprClock.extended(RECEIVED, 61));
        assertThrows(IllegalArgumentException.class, () -> GdprClock.extended(RECEIVED, 0));
    }

    @Test
    void onlyOpenRequestsPastTheirDueDateAreOverdue() {
        Instant due = GdprClock.due(RECEIVED);
        assertTrue(GdprClock.overdue(due, false, due.plusSeconds(1)));
        assertFalse(GdprClock.overdue(due, false, due));
        assertFalse(GdprClock.overdue(due, true, due.plusSeconds(86_400)));
    }
}
