package io.lotabots.resources.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The UTC day a daily budget counts in, and how long until the next one starts. */
public final class UtcDay {

    private UtcDay() {}

    public static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** When the day after {@code instant}'s starts. */
    public static Instant nextStart(Instant instant) {
        return of(instant).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** Whole seconds until the next day starts, at least 1 (a Retry-After value). */
    public static long secondsUntilNext(Instant instant) {
        long millis = Duration.between(instant, nextStart(instant)).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
