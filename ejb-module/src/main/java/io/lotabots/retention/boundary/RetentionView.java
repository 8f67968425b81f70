package io.lotabots.retention.boundary;

import java.util.List;

/** The effective retention periods, the classes kept for good and why, and the tenant's latest purge runs. */
public record RetentionView(List<PeriodView> periods, List<KeptView> kept, List<PurgeRunView> lastRuns) {

    /** One data class's period (ISO-8601), {@code forever} when configured zero. */
    public record PeriodView(String dataClass, String period, boolean forever) {}

    /** A data class the purge never removes, and why. */
    public record KeptView(String dataClass, String reason) {}
}
