package io.lotabots.retention.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long one data class is kept. A zero period means kept forever (nothing is purged), so that turning
 * the purge of a class off is a configuration value rather than a very long duration.
 */
public record RetentionPeriod(DataClass dataClass, Duration period) {

    public RetentionPeriod {
        if (period.isNegative()) {
            throw new IllegalArgumentException(
                    "lotabots.retention." + dataClass.key() + " must not be negative: " + period);
        }
    }

    /** ISO-8601 as configured: whole days as {@code P400D} (java.time would print {@code PT9600H}). */
    public String iso() {
        return !period.isZero() && period.toSeconds() % 86_400 == 0 && period.toNanosPart() == 0
                ? "P" + period.toDays() + "D"
                : period.toString();
    }

    public boolean forever() {
        return period.isZero();
    }

    /** Items of the class older than this instant are past retention; empty when the class is kept forever. */
    public Optional<Instant> cutoff(Instant now) {
        return forever() ? Optional.empty() : Optional.of(now.minus(period));
    }
}
