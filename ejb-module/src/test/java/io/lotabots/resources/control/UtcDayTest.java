package io.lotabots.resources.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UtcDayTest {

    @Test
    void theDayAndItsEndAreUtcWhateverTheServersZone() {
        Instant lateEvening = Instant.parse("2026-12-01T23:59:58.500Z");

        assertEquals(LocalDate.of(2026, 12, 1), UtcDay.of(lateEvening));
        assertEquals(Instant.parse("2026-12-02T00:00:00Z"), UtcDay.nextStart(lateEvening));
        assertEquals(2, UtcDay.secondsUntilNext(lateEvening));
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        assertEquals(1, UtcDay.secondsUntilNext(Instant.parse("2026-12-01T23:59:59.999Z")));
        assertEquals(86_400, UtcDay.secondsUntilNext(Instant.parse("2026-12-01T00:00:00Z")));
    }
}
