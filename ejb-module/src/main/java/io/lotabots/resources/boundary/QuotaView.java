package io.lotabots.resources.boundary;

import io.lotabots.resources.control.QuotaLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's quotas and what it uses of them now. {@code custom} is false while the tenant has the
 * configured defaults (version 0); {@code cpuDayEndsAt} is when today's CPU budget renews (UTC midnight).
 */
public record QuotaView(
        UUID tenantId,
        QuotaLimits limits,
        Usage usage,
        boolean custom,
        long version,
        Instant updatedAt,
        String updatedBy,
        Instant cpuDayEndsAt) {

    /**
     * Stored model bytes (committed models), bytes reserved by uploads still being received, verification
     * jobs running, and CPU-seconds charged today.
     */
    public record Usage(
            long storedModelBytes, long reservedModelBytes, long concurrentJobs, BigDecimal cpuSecondsToday) {}
}
