package io.lotabots.resources.boundary;

import java.math.BigDecimal;

/** New limits for a tenant, as sent; every field is required (a change states the whole quota). */
public record QuotaChange(BigDecimal storedModelBytes, BigDecimal concurrentJobs, BigDecimal cpuSecondsPerDay) {

    public static QuotaChange of(long storedModelBytes, long concurrentJobs, long cpuSecondsPerDay) {
        return new QuotaChange(
                BigDecimal.valueOf(storedModelBytes),
                BigDecimal.valueOf(concurrentJobs),
                BigDecimal.valueOf(cpuSecondsPerDay));
    }
}
