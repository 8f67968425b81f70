package io.lotabots.resources.boundary;

/** New limits for a tenant, as sent; every field is required (a change states the whole quota). */
public record QuotaChange(Long storedModelBytes, Long concurrentJobs, Long cpuSecondsPerDay) {}
