package io.lotabots.resources.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.platform.refusal.FieldProblem;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuotaLimitsTest {

    @Test
    void everyLimitIsRequiredAndInRangeAndEachProblemIsNamed() {
        var problems = QuotaLimits.problems(null, big(-1), big(QuotaLimits.MAX_CPU_SECONDS_PER_DAY + 1));

        assertEquals(3, problems.size());
        assertEquals(new FieldProblem("storedModelBytes", "is required"), problems.get(0));
        assertEquals("concurrentJobs", problems.get(1).field());
        assertEquals("cpuSecondsPerDay", problems.get(2).field());
    }

    @Test
    void zeroAndTheMaximaAreAccepted() {
        assertTrue(QuotaLimits.problems(big(0), big(0), big(0)).isEmpty());
        assertTrue(QuotaLimits.problems(
                        big(QuotaLimits.MAX_BYTES),
                        big(QuotaLimits.MAX_CONCURRENT_JOBS),
                        big(QuotaLimits.MAX_CPU_SECONDS_PER_DAY))
                .isEmpty());
        assertEquals(
                1,
                QuotaLimits.problems(big(QuotaLimits.MAX_BYTES + 1), big(1), big(1))
                        .size());
    }

    @Test
    void fractionsAreRefusedNotCutAndAWholeNumberWithDecimalZerosIsWhole() {
        var problems = QuotaLimits.problems(new BigDecimal("1.5"), new BigDecimal("2.0"), new BigDecimal("1e3"));

        assertEquals(1, problems.size());
        assertEquals(new FieldProblem("storedModelBytes", "must be a whole number"), problems.get(0));
    }

    private static BigDecimal big(long value) {
        return BigDecimal.valueOf(value);
    }
}
