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

    public boolean forever() {
        return period.isZero();
    }

    /** Items of the class older than this instant are past retention; empty when the class is kept forever. */
    public Optional<Instant> cutoff(Instant now) {
        return forever() ? Optional.empty() : Optional.of(now.minus(period));
    }
}
