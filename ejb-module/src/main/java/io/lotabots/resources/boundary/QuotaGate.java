package io.lotabots.resources.boundary;

import io.lotabots.resources.control.Quota;
import io.lotabots.resources.control.QuotaLimits;
import io.lotabots.resources.control.UtcDay;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The one place a quota refuses: each check compares what the tenant uses with its limit, and a refusal is
 * audited and counted before it is thrown.
 */
@Dependent
class QuotaGate {

    @Inject
    ResourceAudit audit;

    @Inject
    QuotaMetrics metrics;

    /** Room for {@code needed} more model bytes beside what is stored and reserved. */
    void requireStorage(UUID tenantId, QuotaLimits limits, long used, long needed, String targetType, UUID targetId) {
        if (needed > limits.storedModelBytes() - used) {
            refuse(
                    tenantId,
                    Quota.STORED_MODEL_BYTES,
                    BigDecimal.valueOf(used),
                    limits.storedModelBytes(),
                    BigDecimal.valueOf(needed),
                    0,
                    targetType,
                    targetId);
        }
    }

    /** No free job slot: {@code running} jobs hold or are taking every slot the limit allows. */
    void refuseJobSlot(UUID tenantId, QuotaLimits limits, long running, UUID jobId) {
        refuse(
                tenantId,
                Quota.CONCURRENT_JOBS,
                BigDecimal.valueOf(running),
                limits.concurrentJobs(),
                BigDecimal.ONE,
                0,
                "job",
                jobId);
    }

    /** CPU budget left today; a job's CPU is charged when it ends, so any budget left admits it. */
    void requireCpu(UUID tenantId, QuotaLimits limits, long usedMillis, Instant now, UUID jobId) {
        if (usedMillis >= limits.cpuSecondsPerDay() * 1000) {
            refuse(
                    tenantId,
                    Quota.CPU_SECONDS_PER_DAY,
                    BigDecimal.valueOf(usedMillis, 3),
                    limits.cpuSecondsPerDay(),
                    BigDecimal.ZERO,
                    UtcDay.secondsUntilNext(now),
                    "job",
                    jobId);
        }
    }

    private void refuse(
            UUID tenantId,
            Quota quota,
            BigDecimal used,
            long limit,
            BigDecimal requested,
            long retryAfter,
            String targetType,
            UUID targetId) {
        var refusal = new QuotaExceededException(quota, used, limit, requested, retryAfter);
        audit.refused(tenantId, refusal, targetType, targetId);
        metrics.refused(quota);
        throw refusal;
    }
}
