package io.lotabots.resources.control;

import io.lotabots.platform.refusal.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A tenant's limits: model bytes stored, verification jobs running at once, verification CPU-seconds per UTC day. */
public record QuotaLimits(long storedModelBytes, int concurrentJobs, long cpuSecondsPerDay) {

    /** JSON numbers stay exact up to here, and audit details refuse larger integers. */
    public static final long MAX_BYTES = (1L << 53) - 1;

    public static final int MAX_CONCURRENT_JOBS = 100_000;
    public static final long MAX_CPU_SECONDS_PER_DAY = 1_000_000_000L;

    /**
     * Each field missing, not a whole number or outside its range, named as the API names it; empty when all
     * are fine. Taken as sent (JSON numbers), so that 1.5 is refused rather than cut to 1.
     */
    public static List<FieldProblem> problems(
            BigDecimal storedModelBytes, BigDecimal concurrentJobs, BigDecimal cpuSecondsPerDay) {
        List<FieldProblem> problems = new ArrayList<>();
        check(problems, "storedModelBytes", storedModelBytes, MAX_BYTES);
        check(problems, "concurrentJobs", concurrentJobs, MAX_CONCURRENT_JOBS);
        check(problems, "cpuSecondsPerDay", cpuSecondsPerDay, MAX_CPU_SECONDS_PER_DAY);
        return problems;
    }

    private static void check(List<FieldProblem> problems, String field, BigDecimal value, long max) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            problems.add(new FieldProblem(field, "must be a whole number"));
        } else if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            problems.add(new FieldProblem(field, "must be 0 to " + max));
        }
    }
}
