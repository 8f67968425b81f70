package io.lotabots.retention.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.retention.entity.HeldObjectType;
import io.lotabots.retention.entity.HoldScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HoldCoverageTest {

    private static final UUID DOC = UUID.randomUUID();
    private static final HeldObject ALICES_DOCUMENT = new HeldObject(HeldObjectType.DOCUMENT, DOC, "alice");

    @Test
    void aTenantHoldCoversEverything() {
        assertTrue(HoldCoverage.covers(List.of(new HoldCoverage.Hold(HoldScope.TENANT, null, null)), ALICES_DOCUMENT));
    }

    @Test
    void aSubjectHoldCoversOnlyThatSubjectsObjects() {
        var hold = List.of(new HoldCoverage.Hold(HoldScope.SUBJECT, "alice", null));

        assertTrue(HoldCoverage.covers(hold, ALICES_DOCUMENT));
        assertFalse(HoldCoverage.covers(hold, new HeldObject(HeldObjectType.DOCUMENT, DOC, "bob")));
        assertFalse(HoldCoverage.covers(hold, new HeldObject(HeldObjectType.MODEL, DOC, null)));
    }

    @Test
    void anObjectHoldCoversThatTypeAndIdOnly() {
        var hold = List.of(
                new HoldCoverage.Hold(HoldScope.OBJECT, null, new HeldObject(HeldObjectType.DOCUMENT, DOC, null)));

        assertTrue(HoldCoverage.covers(hold, ALICES_DOCUMENT));
        assertFalse(HoldCoverage.covers(hold, new HeldObject(HeldObjectType.MODEL, DOC, "alice")));
        assertFalse(HoldCoverage.covers(hold, new HeldObject(HeldObjectType.DOCUMENT, UUID.randomUUID(), "alice")));
    }

    @Test
    void noHoldsCoverNothing() {
        assertFalse(HoldCoverage.covers(List.of(), ALICES_DOCUMENT));
    }

    @Test
    void aZeroPeriodKeepsForeverAndANegativeOneIsRefused() {
        var now = Instant.parse("2026-12-06T00:00:00Z");

        assertTrue(
                new RetentionPeriod(DataClass.MODELS, Duration.ZERO).cutoff(now).isEmpty());
        assertTrue(new RetentionPeriod(DataClass.MODELS, Duration.ofDays(1))
                .cutoff(now)
                .orElseThrow()
                .equals(now.minus(Duration.ofDays(1))));
        org.junit.jupiter.api.Assertions.assertEquals(
                "P400D", new RetentionPeriod(DataClass.MODELS, Duration.ofDays(400)).iso());
        org.junit.jupiter.api.Assertions.assertEquals(
                "PT36H", new RetentionPeriod(DataClass.MODELS, Duration.ofHours(36)).iso());
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new RetentionPeriod(DataClass.MODELS, Duration.ofDays(-1)));
    }
}
