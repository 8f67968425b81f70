package io.lotabots.resources.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.hardware.control.FieldProblem;
import org.junit.jupiter.api.Test;

class QuotaLimitsTest {

    @Test
    void everyLimitIsRequiredAndInRangeAndEachProblemIsNamed() {
        var problems = QuotaLimits.problems(null, -1L, QuotaLimits.MAX_CPU_SECONDS_PER_DAY + 1);

        assertEquals(3, problems.size());
        assertEquals(new FieldProblem("storedModelBytes", "is required"), problems.get(0));
        assertEquals("concurrentJobs", problems.get(1).field());
        assertEquals("cpuSecondsPerDay", problems.get(2).field());
    }

    @Test
    void zeroAndTheMaximaAreAccepted() {
        assertTrue(QuotaLimits.problems(0L, 0L, 0L).isEmpty());
        assertTrue(QuotaLimits.problems(
                        QuotaLimits.MAX_BYTES,
                        (long) QuotaLimits.MAX_CONCURRENT_JOBS,
                        QuotaLimits.MAX_CPU_SECONDS_PER_DAY)
                .isEmpty());
        assertEquals(1, QuotaLimits.problems(QuotaLimits.MAX_BYTES + 1, 1L, 1L).size());
    }
}
